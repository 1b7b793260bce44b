import Foundation
import LabYAML

/// Extra request headers from a config's `headers` mapping, with `${ENV_VAR}` expanded when the config is loaded.
///
/// Values are secrets as far as chatlab is concerned: ``description`` names only the header names, and no message
/// or transcript ever contains a value.
public struct HeaderSettings: Sendable, CustomStringConvertible {
    public private(set) var fields: [(name: String, value: String)]

    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// Reads `headers:`; a `${NAME}` whose variable is not set is a config error naming the variable (not a value).
    public init(yaml value: YAMLValue?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        fields = []
        guard let value else { return }
        let map = try value.mapping("headers")
        for name in map.keys {
            guard let entry = map[name] else { continue }
            fields.append((name, try Self.expand(entry, environment: environment)))
        }
    }

    public mutating func add(name: String, value: String) {
        fields.append((name, value))
    }

    public func has(_ name: String) -> Bool {
        fields.contains { $0.name.lowercased() == name.lowercased() }
    }

    public var description: String { "headers: \(fields.map(\.name).joined(separator: ", "))" }

    /// Replaces every `${NAME}` in a text option with the environment variable's value.
    static func expand(_ value: YAMLValue, environment: [String: String]) throws -> String {
        let text = try value.string()
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            let name = String(rest[open.upperBound..<close])
            guard let replacement = environment[name] else {
                throw value.badValue(
                    "uses the environment variable '\(name)', which is not set",
                    fix: "Set \(name) before running chatlab, e.g. 'export \(name)=...'.")
            }
            result += rest[..<open.lowerBound] + replacement
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
