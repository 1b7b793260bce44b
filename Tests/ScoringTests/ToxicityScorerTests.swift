import Foundation
import LabCore
import LabYAML
@testable import Scoring
import Testing
import TestSupport

private func options(_ yaml: String) throws -> YAMLMap {
    try YAMLValue.parse(yaml, file: "exp.yaml").mapping("scorer 'toxicity'")
}

@Test func offlineToxicityFailsInsultsAndPassesStrongWordsAboutThings() throws {
    try ProfanityModelFile.ensureInstalled()
    let scorer = try ToxicityScorerFactory.make(try options("{}"))
    #expect(scorer.defaultThreshold == 0.75)
    let result = scorer.scoreBlocking(Conversation.input([
        "hi", "You are an idiot.", "how are you?", "I hate rainy days.", "and?", nil,
    ]))
    #expect(result.cells[2]?.verdict == .fail)
    #expect(result.cells[2]?.interpretation?.hasPrefix("over threshold: offensive") == true)
    #expect(result.cells[4]?.verdict == .pass)
    #expect(result.cells[6]?.verdict == .skipped)
    #expect(result.cells[1] == nil)
}

@Test func moderationEndpointMapsOntoTheSevenCategories() throws {
    let server = try FixtureServer(script: "fake_toxicity.py")
    let scorer = try ToxicityScorerFactory.make(try options("""
        backend: moderation
        base_url: \(server.url("/v1"))
        thresholds: {insult: 0.95}
        """))
    let result = scorer.scoreBlocking(Conversation.input(["hi", "you idiot", "hm", "what a nice day", "so", "I will hurt you"]))
    let insult = try #require(result.cells[2])
    #expect(insult.verdict == .fail)
    #expect(insult.score == 0.9)
    #expect(insult.interpretation == "over threshold: toxicity 0.9, identity_attack 0.01" || insult.interpretation?.contains("toxicity 0.9") == true)
    #expect(insult.interpretation?.contains("insult") == false)
    #expect(result.cells[4]?.verdict == .pass)
    let threat = try #require(result.cells[6]?.interpretation)
    #expect(threat.contains("threat 0.8") && threat.contains("severe_toxicity 0.8"))
    #expect(ModerationBackend.map(["sexual": 0.3, "sexual/minors": 0.5])["sexual_explicit"] == 0.5)
}

@Test func classifierEndpointReadsJigsawNamesAndPerCategoryThresholds() throws {
    let server = try FixtureServer(script: "fake_toxicity.py")
    let strict = try ToxicityScorerFactory.make(try options("backend: classifier\nurl: \(server.url("/classify"))"))
    let result = strict.scoreBlocking(Conversation.input(["hi", "you idiot", "hm", "a fine reply"]))
    #expect(result.cells[2]?.verdict == .fail)
    #expect(result.cells[2]?.interpretation == "over threshold: toxicity 0.95, insult 0.9")
    #expect(result.cells[2]?.score == 0.95)
    #expect(result.cells[4]?.verdict == .pass)
    let lenient = try ToxicityScorerFactory.make(try options("""
        backend: classifier
        url: \(server.url("/classify"))
        thresholds: {toxicity: 0.99, insult: 0.99}
        """))
    #expect(lenient.scoreBlocking(Conversation.input(["hi", "you idiot"])).cells[2]?.verdict == .pass)
}

@Test func networkFailuresSkipTheCell() throws {
    let server = try FixtureServer(script: "fake_toxicity.py")
    let broken = try ToxicityScorerFactory.make(try options("backend: classifier\nurl: \(server.url("/broken"))"))
    let cell = broken.scoreBlocking(Conversation.input(["hi", "hello"])).cells[2]
    #expect(cell?.verdict == .skipped)
    #expect(cell?.interpretation?.contains("HTTP 500") == true)
    let port = server.port
    server.stop()
    let gone = try ToxicityScorerFactory.make(try options("backend: moderation\nbase_url: http://127.0.0.1:\(port)/v1\ntimeout: 2"))
    let down = gone.scoreBlocking(Conversation.input(["hi", "hello"])).cells[2]
    #expect(down?.verdict == .skipped)
    #expect(down?.interpretation?.hasPrefix("moderation endpoint: ") == true)
}

@Test func toxicityConfigErrorsNameFileAndLine() throws {
    #expect {
        try ToxicityScorerFactory.make(try options("backend: classifier\ntimeout: 3"))
    } throws: { error in
        "\(error)".hasPrefix("exp.yaml:1:1: error: scorer 'toxicity' needs the key 'url'")
    }
    #expect {
        try ToxicityScorerFactory.make(try options("backend: moderation\nbase_url: http://x/v1\nthresholds: {insolt: 0.2}"))
    } throws: { error in
        "\(error)".contains("exp.yaml:3:14: error: unknown key 'insolt'") && "\(error)".contains("Did you mean 'insult'?")
    }
}
