import Foundation
import LabYAML
import Transport

extension HeaderSettings {
    /// Reads `headers:`, expanding `${NAME}` from the environment; the expanded values are secrets. A `${NAME}` whose
    /// variable is not set is a config error naming the variable (not a value).
    public init(yaml value: YAMLValue?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.init()
        guard let value else { return }
        let map = try value.mapping("headers")
        for name in map.keys {
            guard let entry = map[name] else { continue }
            let (text, secrets) = try Self.expand(entry, environment: environment)
            add(name: name, value: text)
            for secret in secrets { addSecret(secret) }
        }
    }

    /// Replaces every `${NAME}` in a text option with the environment variable's value; also returns those values.
    static func expand(_ value: YAMLValue, environment: [String: String]) throws -> (String, [String]) {
        let text = try value.string()
        var result = ""
        var expanded: [String] = []
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
            expanded.append(replacement)
            rest = rest[rest.index(after: close)...]
        }
        return (result + rest, expanded)
    }
}
