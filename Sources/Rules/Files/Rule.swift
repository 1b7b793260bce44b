/// One correctness rule, as a rule file defines it (SENSEI's schema): when it applies, what must hold, and what to
/// say when it does not.
public struct Rule: Sendable {
    /// How many conversations one check looks at.
    public enum Scope: Sendable, Hashable, CustomStringConvertible {
        /// `conversations: 1`: checked on each conversation.
        case oracle
        /// `conversations: N` (N ≥ 2): checked on each combination of N conversations, seen as `conv[0]`...
        case metamorphic(Int)
        /// `conversations: all`: checked once over the conversations that pass `when` and `if`.
        case global

        public var description: String {
            switch self {
            case .oracle: return "1"
            case .metamorphic(let count): return "\(count)"
            case .global: return "all"
            }
        }
    }

    public var name: String
    public var description: String
    public var active: Bool
    public var scope: Scope
    public var when: RuleBody
    public var condition: RuleBody
    public var oracle: RuleBody
    public var yields: RuleBody?
    /// Where the rule is defined, `file:line`.
    public var origin: String

    public init(
        name: String, description: String = "", active: Bool = true, scope: Scope = .oracle,
        when: RuleBody = .alwaysTrue, condition: RuleBody = .alwaysTrue, oracle: RuleBody, yields: RuleBody? = nil,
        origin: String = ""
    ) {
        self.name = name
        self.description = description
        self.active = active
        self.scope = scope
        self.when = when
        self.condition = condition
        self.oracle = oracle
        self.yields = yields
        self.origin = origin
    }
}
