import LabCore

/// ML-I13: the chatter is asked about itself several times; the replies to one test set form a series, judged by
/// ``ConsistencyJudge``: non-answers fail, the first substantive answer is the reference (skipped, never counted),
/// every later answer passes when its content agrees with the reference's.
public struct ConsistencyScorer: Scorer {
    public let code = "ML-I13"
    public let title = "consistency"
    public let judge: ConsistencyJudge

    public init(judge: ConsistencyJudge = ConsistencyJudge()) {
        self.judge = judge
    }

    public func score(_ input: ScorerInput) -> ScoreResult {
        var cells: [Int: ScoreCell] = [:]
        var series: [String: [(index: Int, exchange: ConsistencyJudge.Exchange, note: String?)]] = [:]
        var order: [String] = []
        var closed: [String: Bool] = [:]
        for question in input.transcript.turns {
            guard let mark = question.probe, mark.code == code, question.seat != input.seat,
                let reply = input.reply(after: question.index), reply.seat == input.seat
            else { continue }
            guard reply.error == nil, let set = input.testSets[mark.set] else {
                cells[reply.index] = ScoreCell(verdict: .skipped, interpretation: reply.error == nil ? "unknown test set" : "no reply")
                continue
            }
            let judged = JudgedReply.bounded(reply.text)
            if series[mark.set] == nil { order.append(mark.set) }
            closed[mark.set] = set.isClosed
            series[mark.set, default: []].append(
                (reply.index, ConsistencyJudge.Exchange(question: question.text, reply: judged.text), judged.note))
        }
        for name in order {
            let replies = series[name] ?? []
            let judgments = judge.judge(series: replies.map(\.exchange), isClosed: closed[name] ?? false)
            for (reply, judgment) in zip(replies, judgments) {
                cells[reply.index] = ScoreCell(
                    verdict: judgment.verdict, score: judgment.score,
                    interpretation: judgment.extracted + (reply.note.map { " · \($0)" } ?? ""))
            }
        }
        return ScoreResult(cells: cells)
    }
}
