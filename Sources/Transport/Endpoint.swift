import Foundation

/// An address a network client talks to: `http(s)://host:port/path?query` or `ws(s)://...`.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int
    /// Path and query, as sent in the request line (`/v1/chat/completions`).
    public var target: String

    /// Parses a URL whose scheme is one of `schemes`; `nil` when it is not such a URL.
    public init?(_ text: String, schemes: [String]) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            schemes.contains(scheme), let host = components.host, !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host
        port = components.port ?? Self.defaultPort(scheme)
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        target = components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    /// Whether the scheme is `https` or `wss`.
    public var isSecure: Bool { scheme == "https" || scheme == "wss" }

    /// `host:port`, as named in messages about connections and certificates.
    public var address: String { "\(hostForURL):\(port)" }

    /// The value of the `Host` header.
    public var hostHeader: String { port == Self.defaultPort(scheme) ? hostForURL : "\(hostForURL):\(port)" }

    public var description: String { "\(scheme)://\(hostHeader)\(target)" }

    /// The whole URL with an `http`/`https` scheme (what an HTTP client is given; `ws` maps to `http`).
    public var httpURL: String { "\(isSecure ? "https" : "http")://\(hostHeader)\(target)" }

    /// This endpoint with `suffix` appended to its path (`…/v1` + `/chat/completions`).
    public func appending(_ suffix: String) -> Endpoint {
        var copy = self
        let base = target.hasSuffix("/") ? String(target.dropLast()) : target
        copy.target = base + suffix
        return copy
    }

    /// An IPv6 literal in brackets, any other host as it is.
    private var hostForURL: String { host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host }

    private static func defaultPort(_ scheme: String) -> Int { scheme == "https" || scheme == "wss" ? 443 : 80 }
}

extension String {
    /// Whether this is an IPv4 or IPv6 literal (which gets no SNI and is checked against the certificate's IP names).
    var isIPAddress: Bool {
        if contains(":") { return true }
        let parts = split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
    }
}
