import Foundation
import LabYAML

/// A plain-text (no TLS) address a network chatter talks to: `http://host:port/path?query` or `ws://...`.
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
        port = components.port ?? 80
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        target = components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    /// The value of the `Host` header.
    public var hostHeader: String { port == 80 ? host : "\(host):\(port)" }

    public var description: String { "\(scheme)://\(hostHeader)\(target)" }

    /// This endpoint with `suffix` appended to its path (`…/v1` + `/chat/completions`).
    public func appending(_ suffix: String) -> Endpoint {
        var copy = self
        let base = target.hasSuffix("/") ? String(target.dropLast()) : target
        copy.target = base + suffix
        return copy
    }

    /// Reads an endpoint option, with a config error that says what is expected.
    static func read(_ value: YAMLValue, schemes: [String]) throws -> Endpoint {
        let text = try value.nonEmptyString()
        if text.lowercased().hasPrefix("https://") || text.lowercased().hasPrefix("wss://") {
            throw value.badValue(
                "is '\(text)', but TLS (https/wss) is not built into chatlab",
                fix: "Use a plain \(schemes[0]):// address, e.g. a local server or a TLS-terminating proxy on localhost.")
        }
        guard let endpoint = Endpoint(text, schemes: schemes) else {
            throw value.badValue(
                "is '\(text)', which is not a \(schemes.joined(separator: "/")) address",
                fix: "Write e.g. '\(schemes[0])://127.0.0.1:8080/chat'.")
        }
        return endpoint
    }
}
