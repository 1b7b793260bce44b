import LabCore

/// An LLM as judge over an OpenAI-compatible endpoint, with one ``JudgeRubric``.
///
/// `answers` puts a cell on the reply to each probe question (not ML-I13, which has no expected answer); the other
/// rubrics on every reply. The judge's verdict and score become the cell's, its reason the interpretation. No verdict
/// (malformed answers after the retries, timeouts, a spent budget) makes the cell skipped with the reason. A pairwise
/// rubric asks in both orders: when the two verdicts differ the cell is skipped as "inconsistent".
public struct LLMJudgeScorer: Scorer {
    public let rubric: JudgeRubric
    public let client: LLMJudgeClient
    public var code: String { rubric.code }
    public var title: String { rubric.title }

    public init(rubric: JudgeRubric, client: LLMJudgeClient) {
        self.rubric = rubric
        self.client = client
    }

    /// Asks the judge for each cell in turn; waiting for the server blocks no thread.
    public func score(_ input: ScorerInput) async -> ScoreResult {
        var cells: [Int: ScoreCell] = [:]
        switch rubric {
        case .answers(let pairwise):
            for question in input.transcript.turns {
                guard let mark = question.probe, mark.role == .question, question.seat != input.seat,
                    let reply = input.reply(after: question.index), reply.seat == input.seat
                else { continue }
                guard reply.error == nil else {
                    cells[reply.index] = ScoreCell(verdict: .skipped, interpretation: "no reply")
                    continue
                }
                guard let set = input.testSets[mark.set], set.expected != .none else {
                    let why = input.testSets[mark.set] == nil ? "unknown test set \(mark.set)" : "no expected answer"
                    cells[reply.index] = ScoreCell(verdict: .skipped, interpretation: why)
                    continue
                }
                cells[reply.index] = pairwise
                    ? await comparePairs(question: question.text, expected: set.expectedDescription, reply: reply.text)
                    : cell(await client.ask(system: rubric.system, user: JudgeRubric.answerPrompt(
                        question: question.text, expected: Self.expected(set), reply: reply.text)))
            }
        case .coherence(let budget):
            let window = CoherenceScorer(scope: .context(tokenBudget: budget), encoder: NoEncoder())
            await scoreReplies(input, &cells) { earlier, reply in
                window.context(before: earlier).map { JudgeRubric.contextPrompt(context: $0, reply: reply) }
            }
        case .toxicity:
            await scoreReplies(input, &cells) { _, reply in "Reply: \(reply)" }
        case .free:
            await scoreReplies(input, &cells) { earlier, reply in
                "Previous utterance: \(earlier.last ?? "(none)")\nReply: \(reply)"
            }
        }
        return ScoreResult(cells: cells, statistics: Statistics.meanAndMax(cells.values.compactMap(\.score)))
    }

    public func pooledStatistics(_ results: [ScoreResult]) -> [Statistic] {
        Statistics.meanAndMax(results.flatMap(\.scores))
    }

    /// Every reply, with the texts said before it; `prompt` gives nil when there is nothing to judge.
    private func scoreReplies(
        _ input: ScorerInput, _ cells: inout [Int: ScoreCell], prompt: ([String], String) -> String?
    ) async {
        for turn in input.replies {
            guard turn.error == nil else {
                cells[turn.index] = ScoreCell(verdict: .skipped, interpretation: "no reply")
                continue
            }
            let earlier = input.transcript.turns.filter { $0.index < turn.index && $0.error == nil }.map(\.text)
            guard let user = prompt(earlier, turn.text) else {
                cells[turn.index] = ScoreCell(verdict: .skipped, interpretation: "nothing said before")
                continue
            }
            cells[turn.index] = cell(await client.ask(system: rubric.system, user: user))
        }
    }

    private func comparePairs(question: String, expected: String, reply: String) async -> ScoreCell {
        let first = await client.ask(system: rubric.system, user: JudgeRubric.pairPrompt(question: question, first: expected, second: reply))
        guard case .verdict(let a) = first else { return cell(first) }
        let second = await client.ask(system: rubric.system, user: JudgeRubric.pairPrompt(question: question, first: reply, second: expected))
        guard case .verdict(let b) = second else { return cell(second) }
        guard a.passed == b.passed else {
            return ScoreCell(verdict: .skipped, interpretation:
                "inconsistent: expected first \(a.passed ? "pass" : "fail") (\(a.reason)); reply first \(b.passed ? "pass" : "fail") (\(b.reason))")
        }
        return ScoreCell(verdict: a.passed ? .pass : .fail, score: (a.score + b.score) / 2, interpretation: a.reason)
    }

    /// The expected answer with its accepted alternatives.
    static func expected(_ set: TestSet) -> String {
        let answers = set.acceptedAnswers
        guard answers.count > 1 else { return set.expectedDescription }
        return "\(answers[0]) (also accepted: \(answers.dropFirst().joined(separator: ", ")))"
    }

    private func cell(_ outcome: LLMJudgeClient.Outcome) -> ScoreCell {
        switch outcome {
        case .verdict(let verdict):
            return ScoreCell(verdict: verdict.passed ? .pass : .fail, score: verdict.score, interpretation: verdict.reason)
        case .unavailable(let reason):
            return ScoreCell(verdict: .skipped, interpretation: reason)
        }
    }
}

/// Stands in where only ``CoherenceScorer/context(before:)`` is used.
private struct NoEncoder: TextEncoder {
    func encode(_ texts: [String]) throws -> [[Float]] { throw TextEncoderUnavailable() }
}
