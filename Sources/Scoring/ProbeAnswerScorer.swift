import LabCore

/// Judges the replies to the questions of one probe code (ML-I1, I4, I5, I6, I7, U3...U6) against the test set's
/// expected answer.
///
/// A cell goes on the reply that follows each injected question: the verdict, the judge's similarity as the score,
/// and what the judge took the answer to be. A code with a breakdown (ML-U3...U6: 20 buckets by perturbation level,
/// ML-I1: by fact–question distance; given by the probe code) counts each verdict in the probe's bucket.
public struct ProbeAnswerScorer: Scorer {
    public let code: String
    public let title: String
    public let judge: any AnswerJudge
    /// The code's breakdown with empty buckets, or `nil` for a code without one.
    public let breakdown: Breakdown?

    public init(code: String, title: String, judge: any AnswerJudge, breakdown: Breakdown? = nil) {
        self.code = code
        self.title = title
        self.judge = judge
        self.breakdown = breakdown
    }

    /// The semantic judge's similarity threshold (`fails below 0.6 similarity…`); `nil` (the catalogue's rule) for
    /// the lexical judge.
    public var threshold: CheckThreshold? {
        guard let semantic = judge as? SemanticAnswerJudge else { return nil }
        return .failsBelow(semantic.threshold, "similarity to the expected answer, unless the reply gives it")
    }

    /// Runs on a thread of its own (``BlockingWork``): the judge may wait for a sentence encoder or a server.
    public func score(_ input: ScorerInput) async -> ScoreResult {
        await BlockingWork.run { scoreBlocking(input) }
    }

    /// Scores on the calling thread, blocking it while an encoder or server answers.
    func scoreBlocking(_ input: ScorerInput) -> ScoreResult {
        var cells: [Int: ScoreCell] = [:]
        var breakdown = self.breakdown
        for question in input.transcript.turns {
            guard let mark = question.probe, mark.code == code, mark.role == .question, question.seat != input.seat,
                let reply = input.reply(after: question.index), reply.seat == input.seat
            else { continue }
            guard reply.error == nil else {
                cells[reply.index] = ScoreCell(verdict: .skipped, interpretation: "no reply")
                continue
            }
            guard let set = input.testSets[mark.set] else {
                cells[reply.index] = ScoreCell(verdict: .skipped, interpretation: "unknown test set \(mark.set)")
                continue
            }
            let judged = JudgedReply.bounded(reply.text)
            let judgment = judge.judge(
                JudgeItem(question: question.text, expected: set.expected, extraction: set.extraction, reply: judged.text))
            // A closed judgment has no similarity; its score is 1 for the right yes/no and 0 otherwise.
            cells[reply.index] = ScoreCell(
                verdict: judgment.verdict, score: judgment.score ?? (judgment.verdict == .pass ? 1 : 0),
                interpretation: "answer: \(judgment.extracted) · expected: \(set.expectedDescription)"
                    + (judged.note.map { " · \($0)" } ?? ""))
            if var table = breakdown, let bucket = Self.bucket(of: mark), bucket < table.tallies.count {
                table.tallies[bucket].add(judgment.verdict)
                breakdown = table
            }
        }
        return ScoreResult(cells: cells, breakdowns: breakdown.map { [$0] } ?? [])
    }

    static func bucket(of mark: ProbeMark) -> Int? {
        if let distance = mark.distance { return distance - 1 }
        return mark.perturbation?["bucket"].map { Int($0) }
    }
}
