/// The judge scorers use unless told otherwise: yes/no questions go to ``ClosedAnswerJudge``, open questions to
/// ``OpenAnswerJudge``; items without an expected answer (consistency sets) are skipped.
public struct DefaultJudge: AnswerJudge {
    public var closed: ClosedAnswerJudge
    public var open: OpenAnswerJudge

    public init(closed: ClosedAnswerJudge = ClosedAnswerJudge(), open: OpenAnswerJudge = OpenAnswerJudge()) {
        self.closed = closed
        self.open = open
    }

    public func judge(_ item: JudgeItem) -> Judgment {
        switch item.expected {
        case .yes, .no: return closed.judge(item)
        case .text: return open.judge(item)
        case .none: return Judgment(verdict: .skipped, extracted: "(no expected answer)")
        }
    }
}
