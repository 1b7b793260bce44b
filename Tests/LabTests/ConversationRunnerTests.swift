import Foundation
import Lab
import LabCore
import Logging
import TestSupport
import Testing

private func experiment(rounds: Int = 4, seed: UInt64 = 5) throws -> Experiment {
    let text = """
        seed: \(seed)
        rounds: \(rounds)
        chatters:
          chatter1: {kind: script, lines: [a, b, c]}
          chatter2: {kind: echo}
        """
    return try ExperimentLoader().load(text: text, path: "t.yaml")
}

private func run(_ experiment: Experiment, _ run: Int = 1) async throws -> (Transcript, [Turn]) {
    let (finished, recorded) = try await conversation(experiment, run)
    return (finished.transcript, recorded)
}

private func conversation(_ experiment: Experiment, _ run: Int = 1) async throws -> (FinishedConversation, [Turn]) {
    var recorded: [Turn] = []
    let finished = try await ConversationRunner(experiment: experiment, logger: Logger(label: "test"), clock: TickingClock())
        .run(run) { recorded.append($0) }
    return (finished, recorded)
}

/// A clock whose every reading is one second after the last, from a fixed date.
private final class TickingClock: LabClock, @unchecked Sendable {
    // @unchecked: one conversation reads it at a time, in these tests.
    private var ticks = 0.0
    func now() -> Date { ticks += 1; return Date(timeIntervalSince1970: 1_800_000_000 + ticks) }
    func monotonicSeconds() -> Double { ticks += 1; return ticks }
}

@Test func turnsAlternateAndAreRecordedAsTheyHappen() async throws {
    let (transcript, recorded) = try await run(try experiment())
    #expect(transcript.turns == recorded)
    #expect(transcript.turns.count == 8)
    #expect(transcript.turns.map(\.index) == Array(1...8))
    #expect(transcript.turns.map(\.seat) == [.chatter1, .chatter2, .chatter1, .chatter2, .chatter1, .chatter2, .chatter1, .chatter2])
    #expect(transcript.turns.filter { $0.seat == .chatter1 }.map(\.text) == ["a", "b", "c", "a"])
    #expect(transcript.turns.filter { $0.seat == .chatter2 }.map(\.text) == ["a", "b", "c", "a"])
    #expect(transcript.turns.map(\.saw) == Array(0...7))
    #expect(transcript.turns.allSatisfy { $0.latency != nil && $0.error == nil })
}

@Test func theFirstSpeakerCanBeChatter2() async throws {
    var experiment = try experiment(rounds: 2)
    experiment.firstSpeaker = .chatter2
    let (transcript, _) = try await run(experiment)
    #expect(transcript.turns.map(\.seat) == [.chatter2, .chatter1, .chatter2, .chatter1])
    #expect(transcript.turns[0].text == "Hello!")
}

@Test func aFailingChatterMarksItsTurnAndTheRunGoesOn() async throws {
    var experiment = try experiment(rounds: 4)
    experiment.chatters[.chatter2]!.chatter = FlakyChatter(failingRounds: [2, 3])
    let (transcript, _) = try await run(experiment)
    #expect(transcript.turns.count == 8)
    let failed = transcript.turns.filter { $0.error != nil }
    #expect(failed.map(\.round) == [2, 3])
    #expect(failed.allSatisfy { $0.text.isEmpty && $0.error?.kind == "test" })
    // Failed turns are not shown to the other chatter: round 4's script line saw 4 earlier utterances, not 6.
    #expect(transcript.turn(round: 4, seat: .chatter1)?.saw == 4)
}

@Test func onErrorCanEndTheConversation() async throws {
    var experiment = try experiment(rounds: 4)
    experiment.onError = .endConversation
    experiment.chatters[.chatter2]!.chatter = FlakyChatter(failingRounds: [2])
    let (finished, _) = try await conversation(experiment)
    #expect(finished.transcript.turns.count == 4)
    #expect(finished.transcript.turns.last?.error != nil)
    #expect(finished.record.end == ConversationEnd(.errorLimit, seat: .chatter2, detail: "on_error: end_conversation"))
    #expect(finished.record.errorCount == 1)
    #expect(finished.record.errors?.first?.round == 2)
}

@Test func failedTurnsInARowEndTheConversationAndASuccessResetsTheCount() async throws {
    var experiment = try experiment(rounds: 10)
    experiment.maxConsecutiveErrors = 3
    experiment.chatters[.chatter2]!.chatter = FlakyChatter(failingRounds: [1, 2, 4, 5, 6, 7, 8])
    let (finished, _) = try await conversation(experiment)
    // Rounds 1-2 fail, 3 succeeds, 4-6 fail: the third failure in a row ends it in round 6.
    #expect(finished.transcript.turns.last?.round == 6)
    #expect(finished.record.end == ConversationEnd(.errorLimit, seat: .chatter2, detail: "3 failed turns in a row"))
    #expect(finished.record.errorCount == 5)
}

@Test func zeroConsecutiveErrorsNeverEndsTheConversation() async throws {
    var experiment = try experiment(rounds: 8)
    experiment.maxConsecutiveErrors = 0
    experiment.chatters[.chatter2]!.chatter = FlakyChatter(failingRounds: Set(1...8))
    let (finished, _) = try await conversation(experiment)
    #expect(finished.transcript.turns.count == 16)
    #expect(finished.record.end.reason == .roundsDone)
}

@Test func anExecutionIDGoesIntoTheConversationID() async throws {
    let experiment = try experiment(rounds: 1)
    let runner = ConversationRunner(experiment: experiment, logger: Logger(label: "test"), execution: "abc123")
    let finished = try await runner.run(2) { _ in }
    #expect(finished.record.conversation == "\(experiment.name)-abc123-run-2")
}

@Test func aChatterCanEndTheConversationCleanly() async throws {
    var experiment = try experiment(rounds: 5)
    experiment.chatters[.chatter2]!.chatter = QuittingChatter(round: 3)
    let (finished, _) = try await conversation(experiment)
    #expect(finished.transcript.turns.count == 5)
    #expect(finished.transcript.turns.allSatisfy { $0.error == nil })
    #expect(finished.record.end.reason == .chatterEnded)
    #expect(finished.record.end.seat == .chatter2)
}

@Test func theConversationRecordSaysWhoTookPartWhenAndWhyItEnded() async throws {
    let (finished, _) = try await conversation(try experiment(rounds: 3), 2)
    let record = finished.record
    #expect(record.run == 2)
    #expect(record.conversation == "t-run-2")
    #expect(record.end == ConversationEnd(.roundsDone))
    #expect(record.rounds == 3 && record.turns == 6 && record.errorCount == 0 && record.errors == nil)
    #expect(record.participants.map(\.kind) == ["script", "echo"])
    #expect(record.participants.map(\.roles) == [[.driver], [.underTest]])
    // The clock handed in dates the record: its first reading starts the conversation, its last ends it.
    #expect(record.started == Date(timeIntervalSince1970: 1_800_000_001))
    #expect(record.ended > record.started && record.seconds > 0)
    #expect(record.seed == String(try experiment(rounds: 3).runSeed(2)))
}

@Test func whatChattersChoseAndExtractedGoesIntoTheRecord() async throws {
    var experiment = try experiment(rounds: 2)
    experiment.chatters[.chatter1]!.chatter = NotingChatter()
    let (finished, _) = try await conversation(experiment)
    #expect(finished.record.chosen == ["size": .string("large")])
    #expect(finished.record.outputs == ["total": .number(12.5)])
}

@Test func aChatterThatReachesItsGoalEndsTheConversationWithThatReason() async throws {
    var experiment = try experiment(rounds: 5)
    experiment.chatters[.chatter1]!.chatter = NotingChatter(goalRound: 2)
    let (finished, _) = try await conversation(experiment)
    #expect(finished.record.end == ConversationEnd(.goalReached, seat: .chatter1, detail: "all goals answered"))
    #expect(finished.record.rounds == 1)
}

/// Says "hi", reports a chosen value and an output, and reaches its goal in `goalRound`.
private struct NotingChatter: Chatter {
    var goalRound = Int.max

    func reply(to request: ChatRequest) async throws -> ChatReply {
        if request.round >= goalRound { throw ChatterError.goalReached("all goals answered") }
        return ChatReply("hi")
    }

    func notes(for conversation: String) async -> ChatterNotes {
        ChatterNotes(chosen: ["size": .string("large")], outputs: ["total": .number(12.5)])
    }
}

@Test func theMemoryWindowLimitsWhatAChatterSees() async throws {
    var experiment = try experiment(rounds: 4)
    experiment.chatters[.chatter2]!.chatter = WitnessChatter()
    experiment.chatters[.chatter2]!.memory = .utterances(3)
    let (transcript, _) = try await run(experiment)
    let seen = transcript.turns(of: .chatter2).map(\.saw)
    #expect(seen == [1, 3, 3, 3])
    #expect(transcript.turns(of: .chatter2).map { $0.text.hasPrefix("saw \($0.saw):") } == [true, true, true, true])
}

@Test func theSameSeedGivesTheSameConversationAndADifferentSeedChangesTheTurnSeeds() async throws {
    var a = try experiment(seed: 11)
    a.chatters[.chatter2]!.chatter = WitnessChatter()
    var b = a
    let (first, _) = try await run(a, 2)
    let (second, _) = try await run(b, 2)
    #expect(first.turns.map(\.text) == second.turns.map(\.text))
    b.seed = 12
    let (third, _) = try await run(b, 2)
    #expect(first.turns.map(\.text) != third.turns.map(\.text))
    let (otherRun, _) = try await run(a, 3)
    #expect(first.turns.map(\.text) != otherRun.turns.map(\.text))
}
