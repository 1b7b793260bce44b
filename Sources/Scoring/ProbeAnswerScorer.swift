import LabCore

/// Judges the replies to the questions of one probe code (ML-I1, I4, I5, I6, I7, U3...U6) against the test set's
/// expected answer.
///
/// A cell goes on the reply that follows each injected question: the verdict, the judge's similarity as the score,
/// and what the judge took the answer to be. ML-U3...U6 also give their 20-bucket histograms by perturbation level,
/// and ML-I1 its pass rate by fact–question distance.
public struct ProbeAnswerScorer: Scorer {
    public let code: String
    public let title: String
    public let judge: any AnswerJudge
    /// The longest ML-I1 distance, for the distance breakdown's buckets.
    public let maxDistance: Int

    public init(code: String, title: String, judge: any AnswerJudge, maxDistance: Int = 5) {
        self.code = code
        self.title = title
        self.judge = judge
        self.maxDistance = maxDistance
    }

    /// Runs on a thread of its own (``BlockingWork``): the judge may wait for a sentence encoder or a server.
    public func score(_ input: ScorerInput) async -> ScoreResult {
        await BlockingWork.run { scoreBlocking(input) }
    }

    /// Scores on the calling thread, blocking it while an encoder or server answers.
    func scoreBlocking(_ input: ScorerInput) -> ScoreResult {
        var cells: [Int: ScoreCell] = [:]
        var breakdown = Self.breakdown(for: code, maxDistance: maxDistance)
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
            let judgment = judge.judge(
                JudgeItem(question: question.text, expected: set.expected, extraction: set.extraction, reply: reply.text))
            // A closed judgment has no similarity; its score is 1 for the right yes/no and 0 otherwise.
            cells[reply.index] = ScoreCell(
                verdict: judgment.verdict, score: judgment.score ?? (judgment.verdict == .pass ? 1 : 0),
                interpretation: "answer: \(judgment.extracted) · expected: \(set.expectedDescription)")
            if var table = breakdown, let bucket = Self.bucket(of: mark), bucket < table.tallies.count {
                table.tallies[bucket].add(judgment.verdict)
                breakdown = table
            }
        }
        return ScoreResult(cells: cells, breakdowns: breakdown.map { [$0] } ?? [])
    }

    /// The breakdown a code has, with empty buckets.
    static func breakdown(for code: String, maxDistance: Int) -> Breakdown? {
        let steps = (0..<20).map { "\($0 * 5)–\($0 * 5 + 5) %" }
        switch code {
        case "ML-U3":
            return Breakdown(title: "ML-U3 by typo level", axis: "⌊share of words × typos per word × 4⌋",
                labels: (0..<20).map(String.init))
        case "ML-U4":
            return Breakdown(title: "ML-U4 by swaps", axis: "adjacent-word swaps", labels: (0..<20).map(String.init))
        case "ML-U5":
            return Breakdown(title: "ML-U5 by words left out", axis: "share of words left out", labels: steps)
        case "ML-U6":
            return Breakdown(title: "ML-U6 by words replaced", axis: "share of words replaced", labels: steps)
        case "ML-I1":
            return Breakdown(title: "ML-I1 by distance", axis: "rounds between fact and question",
                labels: (1...max(1, maxDistance)).map { "\($0)" })
        default:
            return nil
        }
    }

    static func bucket(of mark: ProbeMark) -> Int? {
        if let distance = mark.distance { return distance - 1 }
        return mark.perturbation?["bucket"].map { Int($0) }
    }
}
