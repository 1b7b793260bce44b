/// A parsed rule expression (`when`, `if`, oracle or `yields`): its text and its program, ready to evaluate any
/// number of times.
public struct RuleBody: Sendable {
    public let source: String
    let program: RuleProgram

    /// Parses `source`: an expression, or assignment lines followed by an expression.
    /// - Throws: ``RuleSyntaxError`` with the offset of the problem in `source`.
    public init(_ source: String) throws(RuleSyntaxError) {
        self.source = source
        program = try Parser.program(source)
    }

    /// The expression `True` (the default of `when` and `if`).
    public static let alwaysTrue = try! RuleBody("True")
}
