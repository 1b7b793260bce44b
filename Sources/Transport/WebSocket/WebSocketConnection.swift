import Foundation
import LabCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket

/// One open client WebSocket (SwiftNIO's client upgrader, over TLS for `wss://`): send a text message, wait for the
/// next. Messages are redacted of the handshake headers' secrets before they are handed out.
public final class WebSocketConnection: Sendable {
    let channel: any Channel
    private let inbox: WebSocketInbox
    private let secrets: Secrets

    private init(channel: any Channel, inbox: WebSocketInbox, secrets: Secrets) {
        self.channel = channel
        self.inbox = inbox
        self.secrets = secrets
    }

    public var isOpen: Bool { channel.isActive && !inbox.hasEnded }

    /// Connects and performs the opening handshake (TLS first for `wss://`, with `tls`'s context) within
    /// `timeout`. No frame, message or backlog of unread messages may pass `maxReplyBytes`: the connection then ends
    /// with ``NetworkFailure/tooLarge(_:)``.
    public static func open(_ endpoint: Endpoint, headers: HeaderSettings, timeout: Duration,
                            maxReplyBytes: Int = ReplyLimit.defaultBytes, tls: SharedTLSContext = SharedTLSContext())
        async throws -> WebSocketConnection
    {
        let start = ContinuousClock.now
        let sslContext: NIOSSLContext?
        do {
            sslContext = endpoint.isSecure ? try tls.get() : nil
        } catch {
            throw NetworkFailure.tls("cannot set up TLS for \(endpoint.address): \(error)")
        }
        let serverName = endpoint.host.isIPAddress ? nil : endpoint.host
        let inbox = WebSocketInbox(limit: maxReplyBytes, address: endpoint.hostHeader)
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: endpoint.target)
        head.headers.add(name: "Host", value: endpoint.hostHeader)
        head.headers.add(name: "Content-Length", value: "0")
        for field in headers.fields { head.headers.add(name: field.name, value: field.value) }
        let requestHead = head
        let address = endpoint.hostHeader
        let upgraded: EventLoopFuture<Bool>
        let channel: any Channel
        do {
            (channel, upgraded) = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(TimeAmount(timeout))
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connect(host: endpoint.host, port: endpoint.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let sslContext {
                            try channel.pipeline.syncOperations.addHandler(
                                try NIOSSLClientHandler(context: sslContext, serverHostname: serverName))
                        }
                        let upgrader = NIOTypedWebSocketClientUpgrader<Bool>(
                            maxFrameSize: maxReplyBytes, enableAutomaticErrorHandling: false
                        ) { channel, _ in
                            channel.eventLoop.makeCompletedFuture {
                                try channel.pipeline.syncOperations.addHandler(
                                    WebSocketFrameHandler(inbox: inbox, limit: maxReplyBytes))
                                return true
                            }
                        }
                        let configuration = NIOTypedHTTPClientUpgradeConfiguration<Bool>(
                            upgradeRequestHead: requestHead, upgraders: [upgrader],
                            notUpgradingCompletionHandler: { $0.eventLoop.makeSucceededFuture(false) })
                        let result = try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
                            configuration: .init(upgradeConfiguration: configuration))
                        return (channel, result)
                    }
                }
        } catch {
            if let problem = ConnectionText.tlsProblem(error, endpoint: endpoint) { throw NetworkFailure.tls(problem) }
            throw NetworkFailure.connection("cannot connect to \(address): \(ConnectionText.describe(error))")
        }
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) { channel.close(promise: nil) }
        defer { timer.cancel() }
        let accepted: Bool
        do {
            accepted = try await upgraded.get()
        } catch {
            channel.close(promise: nil)
            if ContinuousClock.now - start >= timeout {
                throw NetworkFailure.timeout("no WebSocket handshake from \(address) within \(timeout.secondsText)")
            }
            if let problem = ConnectionText.tlsProblem(error, endpoint: endpoint) { throw NetworkFailure.tls(problem) }
            throw NetworkFailure.connection("the WebSocket handshake with \(address) failed: \(ConnectionText.describe(error))")
        }
        guard accepted else {
            channel.close(promise: nil)
            throw NetworkFailure.connection("\(endpoint) did not accept the WebSocket upgrade")
        }
        return WebSocketConnection(channel: channel, inbox: inbox, secrets: headers.secrets)
    }

    /// Sends one text message; returns the monotonic second (CLOCK_MONOTONIC) it was handed to the connection.
    @discardableResult
    public func send(_ text: String) async throws -> Double {
        let frame = WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: ByteBuffer(string: text))
        let time = SystemClock().monotonicSeconds()
        do {
            try await channel.writeAndFlush(frame)
            return time
        } catch {
            throw NetworkFailure.connection("could not send on the WebSocket: \(ConnectionText.describe(error))")
        }
    }

    /// The next text message, or ``NetworkFailure/timeout(_:)`` after `timeout`.
    public func receive(timeout: Duration) async throws -> String {
        try await receiveTimed(timeout: timeout).text
    }

    /// The next text message with the monotonic second (CLOCK_MONOTONIC) it arrived on the event loop.
    public func receiveTimed(timeout: Duration) async throws -> (text: String, arrived: Double) {
        let loop = channel.eventLoop
        let arrival = try await inbox.next(timeout: .timeout("no reply within \(timeout.secondsText)")) { expire in
            loop.scheduleTask(in: TimeAmount(timeout)) { expire() }
        }
        return (secrets.redact(arrival.text), arrival.time)
    }

    public func close() {
        channel.close(promise: nil)
    }
}
