import LabCore
import LabYAML
@testable import Scoring
import Testing
import TestSupport

private struct BrokenEncoder: TextEncoder {
    struct Failure: Error, CustomStringConvertible { var description: String { "model not loaded" } }
    func encode(_ texts: [String]) throws -> [[Float]] { throw Failure() }
}

@Test func relevanceComparesTheReplyWithTheUtteranceItAnswers() {
    let scorer = CoherenceScorer(scope: .lastUtterance, encoder: HashingEncoder(), threshold: 0.3)
    #expect(scorer.code == "ML-I3")
    let result = scorer.scoreBlocking(Conversation.input([
        "I have a cat called Mittens", "Mittens is a lovely cat name",
        "What do you do for work", "Bananas are yellow", "hello", nil,
    ]))
    #expect(result.cells[2]?.verdict == .pass)
    #expect(result.cells[4]?.verdict == .fail)
    #expect(result.cells[4]?.score == 0)
    #expect(result.cells[6]?.verdict == .skipped)
}

@Test func coherenceContextIncludesTheLastUtteranceWithinTheTokenBudget() {
    let scorer = CoherenceScorer(scope: .context(tokenBudget: 6), encoder: HashingEncoder())
    #expect(scorer.code == "ML-I2")
    // The newest utterances that fit in 6 tokens: "tell me more" (3) and "about cats" (2); "one two three" would exceed.
    #expect(scorer.context(before: ["one two three", "about cats", "tell me more"]) == "about cats\ntell me more")
    // The last utterance is always included, even beyond the budget.
    #expect(scorer.context(before: ["a b c d e f g h"]) == "a b c d e f g h")
    #expect(scorer.context(before: []) == nil)
    // The reply only matches the last utterance: the prototype's window (without the last two) would miss it.
    let result = CoherenceScorer(scope: .context(tokenBudget: 200), encoder: HashingEncoder(), threshold: 0.2)
        .scoreBlocking(Conversation.input(["the weather is sunny", "yes very sunny", "do you like jazz music", "jazz music is great"]))
    #expect(result.cells[4]?.verdict == .pass)
    #expect(result.cells[4]?.interpretation?.contains("the last 3 utterances") == true)
}

@Test func coherenceSkipsWhenTheEncoderFails() {
    let result = CoherenceScorer(scope: .lastUtterance, encoder: BrokenEncoder()).scoreBlocking(Conversation.input(["hi", "hello"]))
    #expect(result.cells[2]?.verdict == .skipped)
    #expect(result.cells[2]?.interpretation == "encoder: model not loaded")
}

@Test func coherenceScorersNeedAnEncoderAtConfigLoad() throws {
    let options = try YAMLValue.parse("enabled: true\nthreshold: 0.4", file: "exp.yaml").mapping("scorer 'coherence'")
    let kind = try #require(ScorerRegistry.kind("coherence"))
    #expect(!kind.enabledByDefault)
    #expect { try kind.make(options, ScoringServices()) } throws: { error in
        "\(error)".hasPrefix("exp.yaml:1:10: error:")
            && "\(error)".contains("no text encoder installed: run chatlab models install")
    }
}

@Test func coherenceScorersUseTheProvidedEncoder() throws {
    let options = try YAMLValue.parse("threshold: 0.4", file: "exp.yaml").mapping("scorer 'relevance'")
    let provider = TextEncoderProvider(name: "hashing", encoder: HashingEncoder())
    let scorer = try CoherenceScorerFactory.relevance(options, encoders: provider)
    #expect(scorer.code == "ML-I3")
    #expect(scorer.scoreBlocking(Conversation.input(["cats are nice", "cats are nice indeed"])).cells[2]?.verdict == .pass)
}
