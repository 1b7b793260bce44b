/// One test code of the catalogue: what the check is called, what it tests, what its score measures and the rule
/// that makes a reply fail.
///
/// Each code declares its entry once, next to what implements it (a scorer, a probe code, a perturbation, an LLM
/// judge rubric); ``CheckCatalogue`` gathers them. Every field is meant for people and must not be empty.
public struct CheckEntry: Sendable, Hashable, Codable {
    /// The test code shown in reports, e.g. `ML-A6`.
    public var code: String
    /// A few words for column headers, e.g. `stutter`.
    public var title: String
    /// One or two sentences: what the check tests.
    public var meaning: String
    /// What the score measures, e.g. `seconds`, `stutter value`, `cosine similarity (−1…1)`.
    public var unit: String
    /// The default rule, or in an analysis the rule in force.
    public var threshold: CheckThreshold
    public var kind: CheckKind

    public init(
        code: String, title: String, meaning: String, unit: String, threshold: CheckThreshold, kind: CheckKind = .reply
    ) {
        self.code = code
        self.title = title
        self.meaning = meaning
        self.unit = unit
        self.threshold = threshold
        self.kind = kind
    }

    /// The same entry with the rule a configured scorer applies; `nil` keeps the default.
    public func inForce(_ threshold: CheckThreshold?) -> CheckEntry {
        var entry = self
        if let threshold { entry.threshold = threshold }
        return entry
    }

    /// Whether code, title, meaning, unit and threshold all have words.
    public var isComplete: Bool {
        [code, title, meaning, unit, threshold.description].allSatisfy { !$0.allSatisfy(\.isWhitespace) }
    }
}
