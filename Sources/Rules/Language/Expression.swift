/// A parsed rule expression (the abstract syntax tree the evaluator walks).
indirect enum Expression: Sendable {
    case literal(RuleValue)
    case name(String)
    case list([Expression])
    case dict([(key: Expression, value: Expression)])
    case attribute(Expression, String)
    case index(Expression, Expression)
    case slice(Expression, lower: Expression?, upper: Expression?, step: Expression?)
    case call(Expression, arguments: [Expression], keywords: [(name: String, value: Expression)])
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    /// `a < b <= c`: each comparison with the previous right-hand side, stopping at the first false one.
    case compare(Expression, [(op: CompareOperator, right: Expression)])
    /// `body if test else orElse`.
    case conditional(body: Expression, test: Expression, orElse: Expression)
    /// `[element for targets in source if condition ...]` (a generator expression is read as one too).
    case comprehension(Expression, [ComprehensionClause])
    /// An f-string's literal texts and replacement fields in order.
    case formatted([FormattedPart])
}

enum UnaryOperator: Sendable { case negate, plus, not }

enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
}

enum CompareOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case isIn = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

enum ComprehensionClause: Sendable {
    /// `for a, b in source`: one name, or several unpacked from each item.
    case loop(targets: [String], source: Expression)
    case condition(Expression)
}

enum FormattedPart: Sendable {
    case text(String)
    /// `{value!conversion:spec}`; the spec may hold replacement fields of its own.
    case field(Expression, conversion: Character?, spec: [FormattedPart])
}

/// A rule body: assignments on the earlier lines, the value on the last.
struct RuleProgram: Sendable {
    struct Assignment: Sendable {
        /// One name, or several unpacked from the value (`a, b = ...`).
        var targets: [String]
        /// Set for `+=` and its kin.
        var update: BinaryOperator?
        var value: Expression
    }

    var assignments: [Assignment]
    var result: Expression
}
