import LabCore

/// ML-A7: a reply fails when one of its questions was already asked earlier in the conversation by the same chatter.
///
/// Questions are the sentences ending in "?", compared after normalising case, spacing and punctuation. Replies
/// without questions pass. Adds a question-frequency table per run.
public struct RepeatedQuestionScorer: Scorer {
    /// The catalogue entry of ML-A7.
    public static let check = CheckEntry(
        code: "ML-A7", title: "repeated questions",
        meaning: "Repeated questions: the reply asks a question (a sentence ending in \"?\", compared without case, "
            + "spacing and punctuation) that the same chatter asked before in the conversation.",
        unit: "questions asked again in the reply",
        threshold: .judged("fails when the reply repeats one of the chatter's earlier questions"))

    public var code: String { Self.check.code }
    public var title: String { Self.check.title }

    public init() {}

    public func score(_ input: ScorerInput) -> ScoreResult {
        var cells: [Int: ScoreCell] = [:]
        var firstRound: [String: Int] = [:]
        var counts: [String: Int] = [:]
        var order: [String] = []
        for turn in input.replies {
            guard turn.error == nil else {
                cells[turn.index] = ScoreCell(verdict: .skipped, interpretation: "no reply")
                continue
            }
            let questions = QuestionExtractor.questions(in: turn.text).map(QuestionExtractor.normalise)
            let repeated = questions.filter { firstRound[$0] != nil }
            for question in questions {
                if counts[question] == nil { order.append(question) }
                counts[question, default: 0] += 1
                if firstRound[question] == nil { firstRound[question] = turn.round }
            }
            let note: String
            if let again = repeated.first {
                note = "asked before in round \(firstRound[again]!): \(again)"
            } else {
                note = questions.isEmpty ? "no question" : "\(questions.count) new question\(questions.count == 1 ? "" : "s")"
            }
            cells[turn.index] = ScoreCell(
                verdict: repeated.isEmpty ? .pass : .fail, score: Double(repeated.count), interpretation: note)
        }
        let rows = order.map { question in
            [TableValue.text(question), .number(Double(counts[question]!)), .number(Double(firstRound[question]!))]
        }
        let table = ScoreTable(title: "\(code) questions", columns: ["question", "times asked", "first round"], rows: rows)
        return ScoreResult(cells: cells, tables: [table])
    }
}
