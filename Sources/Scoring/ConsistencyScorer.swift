import LabCore

/// ML-I13: the chatter is asked about itself several times; its first answer to a test set is the reference
/// (skipped, never counted), every later answer to the same set passes when it agrees with it.
public struct ConsistencyScorer: Scorer {
    public let code = "ML-I13"
    public let title = "consistency"
    public let judge: ConsistencyJudge

    public init(judge: ConsistencyJudge = ConsistencyJudge()) {
        self.judge = judge
    }

    public func score(_ input: ScorerInput) -> ScoreResult {
        var cells: [Int: ScoreCell] = [:]
        var references: [String: Turn] = [:]
        for question in input.transcript.turns {
            guard let mark = question.probe, mark.code == code, question.seat != input.seat,
                let reply = input.reply(after: question.index), reply.seat == input.seat
            else { continue }
            guard reply.error == nil, let set = input.testSets[mark.set] else {
                cells[reply.index] = ScoreCell(verdict: .skipped, interpretation: reply.error == nil ? "unknown test set" : "no reply")
                continue
            }
            guard let reference = references[mark.set] else {
                references[mark.set] = reply
                let first = judge.judge(
                    question: question.text, isClosed: set.isClosed, replies: [JudgedReply.bounded(reply.text).text])[0]
                cells[reply.index] = ScoreCell(verdict: .skipped, interpretation: first.extracted)
                continue
            }
            let judged = JudgedReply.bounded(reply.text)
            let judgment = judge.compare(
                question: question.text, isClosed: set.isClosed, reference: JudgedReply.bounded(reference.text).text,
                reply: judged.text)
            cells[reply.index] = ScoreCell(
                verdict: judgment.verdict, score: judgment.score,
                interpretation: judgment.extracted + (judged.note.map { " · \($0)" } ?? ""))
        }
        return ScoreResult(cells: cells)
    }
}
