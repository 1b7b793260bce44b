/// The outcome of one check on one turn.
public enum Verdict: String, Codable, Sendable, Hashable {
    case pass
    case fail
    /// The scorer could not judge (the chatter failed, or a reference answer, e.g. the first answer of ML-I13).
    case skipped

    /// Counts towards the total: passes and fails do, skipped does not.
    public var counts: Bool { self != .skipped }
}

/// What a scorer says about one turn.
public struct ScoreCell: Codable, Sendable, Hashable {
    public var verdict: Verdict
    /// The number behind the verdict (a stutter value, a similarity, seconds...).
    public var score: Double?
    /// What the scorer saw or extracted, for people.
    public var interpretation: String?

    public init(verdict: Verdict, score: Double? = nil, interpretation: String? = nil) {
        self.verdict = verdict
        self.score = score
        self.interpretation = interpretation
    }
}
