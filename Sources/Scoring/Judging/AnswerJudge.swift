import LabCore

/// Decides whether a reply answers a probe question correctly.
///
/// Called once per question turn of a probe (and by `chatlab calibrate` once per labeled item). Deterministic.
public protocol AnswerJudge: Sendable {
    func judge(_ item: JudgeItem) -> Judgment
}

/// What a judge is asked: the question, what a correct reply must say, and the reply.
public struct JudgeItem: Sendable, Hashable {
    public var question: String
    /// The expected answer: text with aliases (open), yes or no (closed).
    public var expected: TestSet.Expected
    /// For open questions: what to extract from the reply ("What is the name of the cat?").
    public var extraction: String?
    public var reply: String

    public init(question: String, expected: TestSet.Expected, extraction: String? = nil, reply: String) {
        self.question = question
        self.expected = expected
        self.extraction = extraction
        self.reply = reply
    }
}

/// A judge's decision.
public struct Judgment: Sendable, Hashable {
    public var verdict: Verdict
    /// How close the reply's answer is to the expected one (0...1), when the judge measures it.
    public var score: Double?
    /// What the judge took the reply's answer to be ("Mittens", "yes", "unknown"), for the interpretation column.
    public var extracted: String

    public init(verdict: Verdict, score: Double? = nil, extracted: String) {
        self.verdict = verdict
        self.score = score
        self.extracted = extracted
    }
}
