/// A syntax error inside one expression: where (in Unicode scalars from the expression's start) and what.
///
/// ``RuleSource`` turns it into a ``RuleFileError`` naming the rule file's line and column with a caret.
public struct RuleSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "invalid syntax at offset \(offset): \(message)" }
}
