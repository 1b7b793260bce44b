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
    var recorded: [Turn] = []
    let transcript = try await ConversationRunner(experiment: experiment, logger: Logger(label: "test"))
        .run(run) { recorded.append($0) }
    return (transcript, recorded)
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
    let (transcript, _) = try await run(experiment)
    #expect(transcript.turns.count == 4)
    #expect(transcript.turns.last?.error != nil)
}

@Test func aChatterCanEndTheConversationCleanly() async throws {
    var experiment = try experiment(rounds: 5)
    experiment.chatters[.chatter2]!.chatter = QuittingChatter(round: 3)
    let (transcript, _) = try await run(experiment)
    #expect(transcript.turns.count == 5)
    #expect(transcript.turns.allSatisfy { $0.error == nil })
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
