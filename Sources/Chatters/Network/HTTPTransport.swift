import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends one HTTP/1.1 request over a fresh connection (SwiftNIO, plain TCP) and reads the whole answer.
///
/// Any status is returned as an answer; only transport problems throw, as ``NetworkFailure/timeout(_:)`` or
/// ``NetworkFailure/connection(_:)``.
public enum HTTPTransport {
    public static func send(_ call: HTTPCall) async throws -> HTTPAnswer {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = NIODeadline.now() + TimeAmount(call.timeout)
        let address = call.endpoint.hostHeader
        let channel: NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(TimeAmount(call.timeout))
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connect(host: call.endpoint.host, port: call.endpoint.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                            wrappingChannelSynchronously: channel)
                    }
                }
        } catch let error as ChannelError where error == .connectTimeout(TimeAmount(call.timeout)) {
            throw NetworkFailure.timeout("could not connect to \(address) within \(call.timeout.secondsText)")
        } catch {
            if clock.now - start >= call.timeout {
                throw NetworkFailure.timeout("could not connect to \(address) within \(call.timeout.secondsText)")
            }
            throw NetworkFailure.connection("cannot connect to \(address): \(ConnectionText.describe(error))")
        }
        let timer = channel.channel.eventLoop.scheduleTask(deadline: deadline) { channel.channel.close(promise: nil) }
        defer { timer.cancel() }
        var answer = HTTPAnswer(status: 0, headers: [:], body: Data(), chunks: [], seconds: 0)
        var complete = false
        do {
            try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(.head(head(for: call)))
                if let body = call.body { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
                try await outbound.write(.end(nil))
                for try await part in inbound {
                    switch part {
                    case .head(let response):
                        answer.status = Int(response.status.code)
                        answer.headers = response.headers
                    case .body(let buffer):
                        let bytes = Data(buffer.readableBytesView)
                        answer.body.append(bytes)
                        answer.chunks.append(((clock.now - start).seconds, bytes))
                    case .end:
                        complete = true
                        return
                    }
                }
            }
        } catch {
            if clock.now - start >= call.timeout {
                throw NetworkFailure.timeout("no complete answer from \(address) within \(call.timeout.secondsText)")
            }
            throw NetworkFailure.connection("the connection to \(address) failed: \(ConnectionText.describe(error))")
        }
        guard complete else {
            if clock.now - start >= call.timeout {
                throw NetworkFailure.timeout("no complete answer from \(address) within \(call.timeout.secondsText)")
            }
            throw NetworkFailure.connection("\(address) closed the connection before the answer was complete")
        }
        answer.seconds = (clock.now - start).seconds
        return answer
    }

    private static func head(for call: HTTPCall) -> HTTPRequestHead {
        var head = HTTPRequestHead(version: .http1_1, method: call.method, uri: call.endpoint.target)
        head.headers.add(name: "Host", value: call.endpoint.hostHeader)
        head.headers.add(name: "User-Agent", value: "chatlab")
        head.headers.add(name: "Connection", value: "close")
        if call.body != nil, !call.headers.has("content-type") {
            head.headers.add(name: "Content-Type", value: "application/json")
        }
        head.headers.add(name: "Content-Length", value: String(call.body?.count ?? 0))
        for field in call.headers.fields { head.headers.add(name: field.name, value: field.value) }
        return head
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// e.g. `2.5 s`.
    var secondsText: String {
        let value = seconds
        return value.rounded() == value ? "\(Int(value)) s" : "\(value) s"
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        self = .nanoseconds(Int64(duration.seconds * 1e9))
    }
}

/// Short descriptions of socket errors (`connection refused`, `connection reset by peer`).
enum ConnectionText {
    static func describe(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return describe(first.error)
        }
        if let error = error as? ChannelError, error == .ioOnClosedChannel || error == .alreadyClosed || error == .eof {
            return "the connection was closed"
        }
        return "\(error)"
    }
}
