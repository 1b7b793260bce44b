import Foundation

/// Values that must never be written anywhere: API keys and header values that came from `${ENV}`.
///
/// Whatever a peer sends back (a body, a WebSocket message, an error text) passes ``redact(_:)-(String)`` before it
/// reaches a transcript, report, log or message, so a gateway that echoes the key in its 401 cannot leak it. Values
/// shorter than ``minimumLength`` are not redacted (replacing every "42" in replies would garble them); they are
/// still never written from the config side.
public struct Secrets: Sendable, Hashable {
    /// What a secret is replaced with.
    public static let mask = "••••"
    /// The shortest value redacted.
    public static let minimumLength = 6

    public private(set) var values: Set<String> = []

    public init(_ values: [String] = []) {
        for value in values { add(value) }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// Adds `value` (and the parts of it after a `Bearer ` or `Basic ` scheme word) when long enough.
    public mutating func add(_ value: String) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= Self.minimumLength else { return }
        values.insert(trimmed)
        for scheme in ["Bearer ", "Basic ", "Token "] where trimmed.hasPrefix(scheme) {
            add(String(trimmed.dropFirst(scheme.count)))
        }
    }

    public mutating func formUnion(_ other: Secrets) {
        values.formUnion(other.values)
    }

    /// `text` with every secret (as written, and as JSON would escape it) replaced by ``mask``; longest first.
    public func redact(_ text: String) -> String {
        guard !values.isEmpty else { return text }
        var result = text
        for value in forms() where result.contains(value) {
            result = result.replacingOccurrences(of: value, with: Self.mask)
        }
        return result
    }

    /// `data` with every secret replaced (the bytes are redacted as UTF-8 text only when a secret occurs in them).
    public func redact(_ data: Data) -> Data {
        guard !values.isEmpty else { return data }
        for value in forms() where data.range(of: Data(value.utf8)) != nil {
            return Data(redact(String(decoding: data, as: UTF8.self)).utf8)
        }
        return data
    }

    /// Each value and its JSON-escaped spelling, longest first (so a value containing another is masked whole).
    private func forms() -> [String] {
        var all = Set(values)
        for value in values {
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "/", with: "\\/")
                .replacingOccurrences(of: "\"", with: "\\\"")
            all.insert(escaped)
        }
        return all.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }
}
