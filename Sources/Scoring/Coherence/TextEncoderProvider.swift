import LabCore
import Foundation

/// Where scorers and `chatlab calibrate` get their sentence encoder from.
///
/// A provider makes (or hands out) a ``TextEncoder``; it is handed to scorer factories in ``ScoringServices``
/// (`.none` unless the caller plugs one in, e.g. the CLI's native MiniLM encoder). Scorers that need an encoder ask
/// for it when the config is loaded, so a missing encoder stops the run before it starts.
public struct TextEncoderProvider: Sendable {
    /// For messages, e.g. `all-MiniLM-L6-v2`.
    public let name: String
    private let make: @Sendable () throws -> any TextEncoder

    public init(name: String, make: @escaping @Sendable () throws -> any TextEncoder) {
        self.name = name
        self.make = make
    }

    /// A provider that always hands out the same encoder.
    public init(name: String, encoder: any TextEncoder) {
        self.init(name: name) { encoder }
    }

    /// The encoder; throws ``TextEncoderUnavailable`` (or the provider's own error) when there is none.
    public func encoder() throws -> any TextEncoder { try make() }

    /// No encoder: every request throws "no text encoder installed: run chatlab models install".
    public static let none = TextEncoderProvider(name: "none") { throw TextEncoderUnavailable() }
}

/// No sentence encoder is installed.
public struct TextEncoderUnavailable: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "no text encoder installed: run chatlab models install" }
}
