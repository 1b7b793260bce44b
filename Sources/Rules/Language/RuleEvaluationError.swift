/// Why evaluating a rule expression stopped: a Python-style exception (`TypeError: ...`), a budget running out, or a
/// helper that could not be evaluated here (an LLM helper with no LLM configured).
///
/// A rule whose `when`, `if` or oracle throws one gets the outcome "error" with this message (or "not evaluated"
/// for ``isNotEvaluated``), never a silent "not applicable".
public struct RuleEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Python's exception name (`TypeError`, `NameError`, `ZeroDivisionError`...) or `BudgetExceeded`.
    public var kind: String
    public var message: String
    /// True when a helper needs a service that is not configured (the outcome is "not evaluated", not "error").
    public var isNotEvaluated: Bool

    public init(_ kind: String, _ message: String, notEvaluated: Bool = false) {
        self.kind = kind
        self.message = message
        isNotEvaluated = notEvaluated
    }

    public var description: String { isNotEvaluated ? "not evaluated: \(message)" : "\(kind): \(message)" }

    static func type(_ message: String) -> Self { Self("TypeError", message) }
    static func value(_ message: String) -> Self { Self("ValueError", message) }
    static func name(_ name: String) -> Self { Self("NameError", "name '\(name)' is not defined") }
    static func budget(_ message: String) -> Self { Self("BudgetExceeded", message) }
    static func notEvaluated(_ message: String) -> Self { Self("NotEvaluated", message, notEvaluated: true) }
}
