/// Everything ``OpenAnswerJudge`` found out about one reply, for callers that need more than the judgment (the
/// semantic judge, calibration).
public struct OpenAnswerAnalysis: Sendable, Hashable {
    /// How the reply relates to the accepted answers.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// An accepted answer occurs, cleanly stated: pass.
        case match
        /// An accepted answer occurs but is negated or taken back ("not Mittens", "Is it Mittens? No, ...").
        case denied
        /// An accepted answer occurs as one of several offered ("Mittens or Whiskers").
        case alternatives
        /// An accepted answer occurs only as part of a longer name ("Table tennis" for "tennis").
        case compound
        /// No accepted answer occurs; ``OpenAnswerAnalysis/span`` is the closest candidate.
        case noMatch
        /// Nothing in the reply could be an answer ("I don't know", "You never told me").
        case nonAnswer
    }

    public var outcome: Outcome
    /// The text of the reply taken as the answer, as written; nil for a non-answer.
    public var span: String?
    /// Lexical similarity (``EditSimilarity``) of ``span`` to the closest accepted answer, 0...1; 0 for a non-answer.
    public var similarity: Double
    /// Every content span of the reply that could be an answer, as written, for judges that compare by meaning.
    public var candidates: [String]

    public init(outcome: Outcome, span: String?, similarity: Double, candidates: [String]) {
        self.outcome = outcome
        self.span = span
        self.similarity = similarity
        self.candidates = candidates
    }

    /// True when an accepted answer occurs in the reply, whether or not it is stated cleanly.
    public var foundExpected: Bool { ![.noMatch, .nonAnswer].contains(outcome) }

    /// The judgment: pass only for a clean match.
    public var judgment: Judgment {
        let extracted: String
        switch outcome {
        case .match, .compound, .noMatch: extracted = span ?? "(no answer)"
        case .denied: extracted = "\(span ?? "") (denied)"
        case .alternatives: extracted = "\(span ?? "") (one of alternatives)"
        case .nonAnswer: extracted = "(no answer)"
        }
        return Judgment(verdict: outcome == .match ? .pass : .fail, score: similarity, extracted: extracted)
    }
}
