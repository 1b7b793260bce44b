import Foundation
import LabCore
import Scoring
import Testing

/// Maps a text to a one-hot vector by the first concept word it contains: a fake, deterministic embedding.
private struct ConceptEncoder: TextEncoder {
    static let concepts = [["doctor", "physician", "gp"], ["nurse"], ["cat", "kitty"]]

    func encode(_ texts: [String]) throws -> [[Float]] {
        texts.map { text in
            let lower = text.lowercased()
            let hit = Self.concepts.firstIndex { $0.contains { lower.contains($0) } } ?? Self.concepts.count
            return (0...Self.concepts.count).map { $0 == hit ? 1 : 0 }
        }
    }
}

private struct BrokenEncoder: TextEncoder {
    func encode(_ texts: [String]) throws -> [[Float]] { throw CocoaError(.featureUnsupported) }
}

private func item(_ reply: String, _ expected: String = "doctor") -> JudgeItem {
    JudgeItem(question: "What do I do for work?", expected: .text(expected, aliases: []), reply: reply)
}

@Test func semanticStepPassesSynonymsTheLexicalJudgeMisses() {
    let judge = SemanticAnswerJudge(encoder: ConceptEncoder(), threshold: 0.6)
    #expect(OpenAnswerJudge().judge(item("You're a physician.")).verdict == .fail)
    let judgment = judge.judge(item("You're a physician."))
    #expect(judgment.verdict == .pass)
    #expect(judgment.score == 1)
    #expect(judgment.extracted == "physician")
    #expect(judge.judge(item("You're a nurse.")).verdict == .fail)
}

@Test func lexicalFindingsStand() {
    let judge = SemanticAnswerJudge(encoder: ConceptEncoder())
    #expect(judge.judge(item("You're not a doctor.")).verdict == .fail)
    #expect(judge.judge(item("A doctor.")).verdict == .pass)
    #expect(judge.judge(item("I don't know.")).extracted == "(no answer)")
    #expect(judge.judge(JudgeItem(question: "Do I work?", expected: .yes, reply: "Yes")).extracted == "yes")
}

@Test func thresholdIsConfigurableAndBrokenEncodersFallBack() {
    let strict = SemanticAnswerJudge(encoder: ConceptEncoder(), threshold: 1.01)
    #expect(strict.judge(item("You're a physician.")).verdict == .fail)
    let broken = SemanticAnswerJudge(encoder: BrokenEncoder())
    #expect(broken.judge(item("You're a physician.")) == OpenAnswerJudge().judge(item("You're a physician.")))
    #expect(SemanticAnswerJudge.cosine([1, 0], [1, 1]) > 0.707 && SemanticAnswerJudge.cosine([1, 0], [1, 1]) < 0.708)
}
