import LabYAML
import Transport

extension Endpoint {
    /// Reads an endpoint option, with a config error that says what is expected.
    static func read(_ value: YAMLValue, schemes: [String]) throws -> Endpoint {
        let text = try value.nonEmptyString()
        guard let endpoint = Endpoint(text, schemes: schemes) else {
            throw value.badValue(
                "is '\(Excerpt.of(text))', which is not a \(schemes.joined(separator: "/")) address",
                fix: "Write e.g. '\(schemes[0])://127.0.0.1:8080/chat' or '\(schemes[1])://bot.example.com/chat'.")
        }
        return endpoint
    }
}
