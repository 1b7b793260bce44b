/// Extra request headers (from a config's `headers` mapping or an API key), and which values are secret.
///
/// Values are secrets as far as chatlab is concerned: ``description`` names only the header names, and no message
/// or transcript ever contains a value. Values that came from `${ENV}` or an API key are also in ``secrets``, so
/// that a peer echoing them back gets them redacted.
public struct HeaderSettings: Sendable, CustomStringConvertible {
    public private(set) var fields: [(name: String, value: String)]
    /// The values (or parts of values) to redact from whatever the peer sends back.
    public private(set) var secrets: Secrets

    public init(_ fields: [(name: String, value: String)] = [], secrets: Secrets = Secrets()) {
        self.fields = fields
        self.secrets = secrets
    }

    /// Adds a header; `secret` is the part of its value to redact from answers (e.g. the API key of a
    /// `Bearer <key>` value), if any.
    public mutating func add(name: String, value: String, secret: String? = nil) {
        fields.append((name, value))
        if let secret { secrets.add(secret) }
    }

    /// Marks `value` as a secret without adding a header (e.g. a `${ENV}` part of a header value).
    public mutating func addSecret(_ value: String) {
        secrets.add(value)
    }

    public func has(_ name: String) -> Bool {
        fields.contains { $0.name.lowercased() == name.lowercased() }
    }

    public var description: String { "headers: \(fields.map(\.name).joined(separator: ", "))" }
}
