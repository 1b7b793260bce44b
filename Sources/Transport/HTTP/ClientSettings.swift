import AsyncHTTPClient
import NIOCore
import NIOSSL

/// How the HTTP clients of one chatter, judge or encoder connect: TLS trust and the connect time limit.
public struct ClientSettings: Sendable, Hashable {
    public var tls: TLSSettings
    /// The most time to open a connection (TCP and TLS handshake).
    public var connectTimeout: Duration

    public init(tls: TLSSettings = TLSSettings(), connectTimeout: Duration = .seconds(10)) {
        self.tls = tls
        self.connectTimeout = connectTimeout
    }

    /// A new async-http-client for these settings: HTTP/1.1 (or HTTP/2 where a TLS server offers it) with kept
    /// connections, up to `connections` at once per host; a refused connection fails at once instead of being
    /// retried until the deadline.
    func makeClient(connections: Int, tls: TLSConfiguration) -> HTTPClient {
        var pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        pool.retryConnectionEstablishment = false
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(connect: TimeAmount(connectTimeout)),
            connectionPool: pool)
        configuration.httpVersion = .automatic
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }
}
