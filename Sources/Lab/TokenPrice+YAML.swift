import LabCore
import LabYAML

extension TokenPrice {
    /// The option key of a chatter kind that reports token metrics (`openai`); see ``read(_:)``.
    static let optionKey = "price"

    /// Reads `price: {input: 0.15, output: 0.6}`: non-negative numbers per million prompt and completion tokens.
    /// - Throws: a ``ConfigError`` naming the file and line of the wrong value.
    static func read(_ value: YAMLValue) throws -> TokenPrice {
        let map = try value.mapping("price", allowed: ["input", "output"])
        return TokenPrice(
            input: try map.required("input").double(in: 0...1_000_000),
            output: try map.required("output").double(in: 0...1_000_000))
    }
}
