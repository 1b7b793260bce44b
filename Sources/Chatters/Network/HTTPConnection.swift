import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// One open HTTP/1.1 client connection (SwiftNIO, plain TCP) that carries one request at a time and, when the
/// server keeps it alive, the next ones.
final class HTTPConnection: Sendable {
    private let channel: any Channel
    private let inbox: HTTPResponseInbox

    private init(channel: any Channel, inbox: HTTPResponseInbox) {
        self.channel = channel
        self.inbox = inbox
    }

    /// Whether the server kept the connection open after the last answer, so it may carry another request.
    var isReusable: Bool { channel.isActive && inbox.keepAlive }

    /// Whether any part of the last answer arrived.
    var answerStarted: Bool { inbox.answerStarted }

    /// Connects within `timeout` (measured from `start`).
    static func open(_ endpoint: Endpoint, start: ContinuousClock.Instant, timeout: Duration) async throws
        -> HTTPConnection
    {
        let address = endpoint.hostHeader
        let inbox = HTTPResponseInbox()
        let remaining = max(.zero, timeout - (ContinuousClock.now - start))
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(TimeAmount(remaining))
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(
                            HTTPResponseHandler(inbox: inbox, address: address))
                    }
                }
                .connect(host: endpoint.host, port: endpoint.port).get()
            return HTTPConnection(channel: channel, inbox: inbox)
        } catch {
            if ContinuousClock.now - start >= timeout || error as? ChannelError == .connectTimeout(TimeAmount(remaining)) {
                throw NetworkFailure.timeout("could not connect to \(address) within \(timeout.secondsText)")
            }
            throw NetworkFailure.connection("cannot connect to \(address): \(ConnectionText.describe(error))")
        }
    }

    /// Sends `call` and reads its whole answer, all within `call.timeout` from `start`. A timeout closes the
    /// connection, so a late answer cannot be taken for the next request's.
    func exchange(_ call: HTTPCall, head: HTTPRequestHead, start: ContinuousClock.Instant) async throws -> HTTPAnswer {
        let address = call.endpoint.hostHeader
        inbox.begin(at: start, limit: call.maxReplyBytes, address: address)
        var parts: [HTTPClientRequestPart] = [.head(head)]
        if let body = call.body { parts.append(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
        parts.append(.end(nil))
        for part in parts { channel.write(part, promise: nil) }
        channel.flush()
        let remaining = max(.zero, call.timeout - (ContinuousClock.now - start))
        let (channel, inbox) = (self.channel, self.inbox)
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(remaining)) {
            inbox.fail(.timeout("no complete answer from \(address) within \(call.timeout.secondsText)"))
            channel.close(promise: nil)
        }
        defer { timer.cancel() }
        return try await inbox.wait()
    }

    func close() {
        channel.close(promise: nil)
    }
}
