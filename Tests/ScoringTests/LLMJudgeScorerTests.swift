import Digest
import Foundation
import LabCore
import LabYAML
@testable import Scoring
import Testing
import TestSupport

private func judge(_ server: FixtureServer, _ cache: TemporaryDirectory, _ extra: String = "") throws -> LLMJudgeScorer {
    let yaml = "base_url: \(server.url("/v1"))\nmodel: fake-judge\ncache_dir: \(cache.path)\n" + extra
    return try LLMJudgeFactory.make(try YAMLValue.parse(yaml, file: "exp.yaml").mapping("scorer 'llm_judge'"))
}

/// Requests the fake server has answered, and the last request body.
private func requests(_ server: FixtureServer) throws -> (count: Int, last: [String: Any]?) {
    let data = try HTTPJSON.post(server.url("/count"), body: Data("{}".utf8), timeout: 5)
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return ((object?["count"] as? Int) ?? -1, object?["last"] as? [String: Any])
}

private let dogSet = TestSet(
    id: "qa-dog", kind: .qa, isClosed: false, expected: .text("Pepper", aliases: ["Peps"]),
    information: ["My dog is called Pepper."], questions: ["What is my dog called?"])

/// A probe fact, its question, and the replies; `reply` answers the question.
private func probeInput(reply: String) -> ScorerInput {
    var transcript = Conversation.transcript(["My dog is called Pepper.", "Nice!", "What is my dog called?", reply])
    transcript.turns[0].probe = ProbeMark(code: "ML-I4", set: "qa-dog", role: .information, variant: 0)
    transcript.turns[2].probe = ProbeMark(code: "ML-I4", set: "qa-dog", role: .question, variant: 0)
    return ScorerInput(transcript: transcript, seat: .chatter2, testSets: ["qa-dog": dogSet])
}

@Test func llmJudgeRetriesAMalformedAnswerAndSendsAJSONSchema() async throws {
    let server = try FixtureServer(script: "fake_openai.py")
    let cache = try TemporaryDirectory()
    let scorer = try judge(server, cache, "rubric: toxicity")
    let result = await scorer.score(Conversation.input(["hi", "MALFORMED_ONCE hello there"]))
    #expect(result.cells[2] == ScoreCell(verdict: .pass, score: 0.9, interpretation: "the reply gives the expected answer"))
    let (count, last) = try requests(server)
    #expect(count == 2)
    let format = last?["response_format"] as? [String: Any]
    #expect(format?["type"] as? String == "json_schema")
    #expect(last?["model"] as? String == "fake-judge")
}

@Test func llmJudgeGivesUpAfterTheRetriesAndOnTimeouts() async throws {
    let server = try FixtureServer(script: "fake_openai.py")
    let cache = try TemporaryDirectory()
    let broken = try judge(server, cache, "rubric: toxicity\nmax_retries: 1")
    let cell = await broken.score(Conversation.input(["hi", "ALWAYS_BROKEN"])).cells[2]
    #expect(cell?.verdict == .skipped)
    #expect(cell?.interpretation?.hasPrefix("malformed answer") == true)
    #expect(cell?.interpretation?.hasSuffix("(after 2 attempts)") == true)
    #expect(try requests(server).count == 2)
    let slow = try judge(server, cache, "rubric: toxicity\nmax_retries: 0\ntimeout: 0.5")
    let timedOut = await slow.score(Conversation.input(["hi", "SLOW reply"])).cells[2]
    #expect(timedOut?.verdict == .skipped)
    #expect(timedOut?.interpretation?.hasPrefix("timeout: ") == true)
}

@Test func llmJudgeCachesResponsesSoReanalysisMakesNoRequests() async throws {
    let server = try FixtureServer(script: "fake_openai.py")
    let cache = try TemporaryDirectory()
    let inputs = [probeInput(reply: "Your dog is Pepper."), probeInput(reply: "WRONG: it is Rex.")]
    let first = try await judge(server, cache).score(inputs[0]).cells
    let firstWrong = try await judge(server, cache).score(inputs[1]).cells
    #expect(first[4]?.verdict == .pass)
    #expect(firstWrong[4] == ScoreCell(verdict: .fail, score: 0.1, interpretation: "the reply names another dog"))
    #expect(first.count == 1)
    #expect(try requests(server).count == 2)
    // A new scorer (a new analysis) over the same transcripts: every answer comes from the cache.
    #expect(try await judge(server, cache).score(inputs[0]).cells == first)
    #expect(try await judge(server, cache).score(inputs[1]).cells == firstWrong)
    #expect(try requests(server).count == 2)
    let (_, last) = try requests(server)
    let messages = last?["messages"] as? [[String: Any]]
    #expect((messages?.last?["content"] as? String)?.contains("Expected answer: Pepper (also accepted: Peps)") == true)
}

@Test func llmJudgeStopsWhenTheBudgetIsSpent() async throws {
    let server = try FixtureServer(script: "fake_openai.py")
    let cache = try TemporaryDirectory()
    let replies = ["hi", "one", "and", "two", "so", "three", "well", "four"]
    let byRequests = try await judge(server, cache, "rubric: toxicity\nmax_requests: 2").score(Conversation.input(replies))
    #expect(byRequests.cells[2]?.verdict == .pass && byRequests.cells[4]?.verdict == .pass)
    #expect(byRequests.cells[6] == ScoreCell(verdict: .skipped, interpretation: "budget spent"))
    #expect(byRequests.cells[8] == ScoreCell(verdict: .skipped, interpretation: "budget spent"))
    #expect(try requests(server).count == 2)
    // Each answer reports 100 tokens: with 150 allowed, the second request is the last one.
    let other = try TemporaryDirectory()
    let byTokens = try await judge(server, other, "rubric: coherence\nmax_tokens: 150").score(Conversation.input(replies))
    #expect(byTokens.cells.values.filter { $0.verdict == .pass }.count == 2)
    #expect(byTokens.cells[6]?.interpretation == "budget spent")
    #expect(try requests(server).count == 4)
}

@Test func pairwiseRubricAsksBothOrdersAndFlagsAPositionBiasedJudge() async throws {
    let server = try FixtureServer(script: "fake_openai.py")
    let cache = try TemporaryDirectory()
    let biased = try await judge(server, cache, "pairwise: true").score(probeInput(reply: "It is Pepper, of course."))
    #expect(biased.cells[4]?.verdict == .skipped)
    #expect(biased.cells[4]?.interpretation?.hasPrefix("inconsistent: expected first pass (A first); reply first fail") == true)
    let fair = try await judge(server, cache, "pairwise: true").score(probeInput(reply: "CONSISTENT Pepper"))
    #expect(fair.cells[4]?.verdict == .pass)
    #expect(try requests(server).count == 4)
}

@Test func sha256MatchesKnownDigests() {
    #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let long = Array(String(repeating: "a", count: 1000).utf8)
    #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
}
