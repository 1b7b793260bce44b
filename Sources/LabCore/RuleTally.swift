/// One correctness rule's counts over the conversations it was checked on (module Rules), as the reports show them:
/// a row of the `Rules` sheet, of `rules.csv` and of `summary.json`'s `rules`.
public struct RuleTally: Codable, Sendable, Hashable {
    /// A conversation (or a combination of them) the rule failed or could not be evaluated on, and why.
    public struct Note: Codable, Sendable, Hashable {
        public var conversations: String
        public var outcome: String
        public var reason: String

        public init(conversations: String, outcome: String, reason: String) {
            self.conversations = conversations
            self.outcome = outcome
            self.reason = reason
        }
    }

    public var rule: String
    /// `1`, `2`... or `all` (the rule's `conversations`), or `built-in` for the error-code rows.
    public var scope: String
    public var pass = 0
    public var fail = 0
    public var notApplicable = 0
    public var errors = 0
    /// Checks a helper could not evaluate here (an LLM helper with no LLM configured).
    public var notEvaluated = 0
    /// The first failures and errors, at most ``noteLimit``.
    public var notes: [Note] = []

    public static let noteLimit = 5

    public init(rule: String, scope: String) {
        self.rule = rule
        self.scope = scope
    }

    /// Every check, whatever its outcome.
    public var checks: Int { pass + fail + notApplicable + errors + notEvaluated }

    /// `fail / (pass + fail)`, SENSEI's fail rate; `nil` when no check applied.
    public var failRate: Double? { pass + fail > 0 ? Double(fail) / Double(pass + fail) : nil }

    /// Keeps a note when there is room.
    public mutating func note(_ note: Note) {
        if notes.count < Self.noteLimit { notes.append(note) }
    }
}
