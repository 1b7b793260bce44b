import Chatters
import Foundation
import LabCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket

/// Serves a chatter over HTTP (`POST /chat`, `POST /v1/chat/completions`) and WebSocket (`GET /ws`) with SwiftNIO,
/// on an event loop group with one thread per core. Logs nothing per request. Given a ``ServerTLS``, it serves the
/// same routes over HTTPS and WSS only: a TLS handler comes first in every accepted connection's pipeline.
public final class BotServer: Sendable {
    /// A connection after the HTTP handshake: upgraded to a WebSocket, or plain HTTP.
    enum Connection: Sendable {
        case webSocket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case http(NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>)
    }

    private let listener: NIOAsyncChannel<EventLoopFuture<Connection>, Never>
    private let routes: ServerRoutes
    private let sessions: BotSessions
    /// The port actually bound (useful with port 0).
    public let port: Int
    public let host: String
    /// `https` when serving with TLS, else `http`.
    public let scheme: String

    private init(listener: NIOAsyncChannel<EventLoopFuture<Connection>, Never>, sessions: BotSessions, model: String,
                 served: [ServedModel], host: String, scheme: String) {
        self.listener = listener
        self.sessions = sessions
        routes = ServerRoutes(sessions: sessions, completions: CompletionsEndpoint(sessions: sessions, model: model, served: served))
        port = listener.channel.localAddress?.port ?? 0
        self.host = host
        self.scheme = scheme
    }

    /// Binds `host:port` (port 0 picks a free one); call ``run()`` to serve.
    ///
    /// - Parameters:
    ///   - model: the name the OpenAI endpoint reports (the chatter's kind).
    ///   - tls: serve HTTPS and WSS with this certificate and key (default: plain HTTP and WS).
    ///   - served: the model names the OpenAI endpoint answers to, with their pace (default: any name, at once).
    public static func bind(host: String, port: Int, chatter: any Chatter, model: String, seed: UInt64 = 1,
                            tls: ServerTLS? = nil, served: [ServedModel] = []) async throws -> BotServer
    {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try configure(channel, tls: tls) }
            }
        return BotServer(
            listener: listener, sessions: BotSessions(chatter: chatter, seed: seed), model: model, served: served, host: host,
            scheme: tls == nil ? "http" : "https")
    }

    /// Serves until the listening socket is closed (or the process ends).
    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await listener.executeThenClose { inbound in
                for try await connection in inbound {
                    group.addTask { await self.serve(connection) }
                }
            }
        }
    }

    /// Stops accepting connections; ``run()`` returns.
    public func close() async {
        try? await listener.channel.close()
    }

    private func serve(_ negotiated: EventLoopFuture<Connection>) async {
        do {
            switch try await negotiated.get() {
            case .http(let channel): try await HTTPConnection(routes: routes).serve(channel)
            case .webSocket(let channel): try await WebSocketEndpoint(sessions: sessions).serve(channel)
            }
        } catch {
            // A client that goes away mid-request, or fails the TLS handshake, is normal; nothing to report per
            // connection.
        }
    }

    private static func configure(_ channel: any Channel, tls: ServerTLS?) throws -> EventLoopFuture<Connection> {
        if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls.context)) }
        let upgrader = NIOTypedWebSocketServerUpgrader<Connection>(
            maxFrameSize: RequestLimit.bytes,
            shouldUpgrade: { channel, head in
                let path = head.uri.split(separator: "?").first.map(String.init)
                return channel.eventLoop.makeSucceededFuture(path == "/ws" ? HTTPHeaders() : nil)
            },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture {
                    .webSocket(try NIOAsyncChannel(wrappingChannelSynchronously: channel))
                }
            })
        let configuration = NIOTypedHTTPServerUpgradeConfiguration<Connection>(
            upgraders: [upgrader],
            notUpgradingCompletionHandler: { channel in
                channel.eventLoop.makeCompletedFuture {
                    .http(try NIOAsyncChannel(wrappingChannelSynchronously: channel))
                }
            })
        return try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(
            configuration: .init(upgradeConfiguration: configuration))
    }
}
