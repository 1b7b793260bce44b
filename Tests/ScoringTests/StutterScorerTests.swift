import LabCore
import Scoring
import Testing

@Test func stutterMatchesThePrototypeExamples() {
    #expect(StutterScorer.stutter("I have I have I have a cat.") == 1.375)
    #expect(StutterScorer.stutter("yes yes yes yes") == 1.75)
    #expect(StutterScorer.stutter("My cat is called Mittens.") == 0)
    #expect(StutterScorer.stutter("") == 0)
    #expect(StutterScorer.stutter("ok ok") == 0)
}

@Test func stutterVerdictUsesTheThreshold() {
    let transcript = Transcript(run: 1, turns: [
        Turn(run: 1, round: 1, index: 1, seat: .chatter1, text: "hi", saw: 0),
        Turn(run: 1, round: 1, index: 2, seat: .chatter2, text: "yes yes yes yes", saw: 1),
        Turn(run: 1, round: 2, index: 3, seat: .chatter1, text: "hi", saw: 2),
        Turn(run: 1, round: 2, index: 4, seat: .chatter2, text: "I like tea.", saw: 3),
        Turn(run: 1, round: 3, index: 5, seat: .chatter1, text: "hi", saw: 4),
        Turn(run: 1, round: 3, index: 6, seat: .chatter2, text: "", saw: 5,
            error: TurnError(kind: "timeout", message: "no answer")),
    ])
    let result = StutterScorer(threshold: 0.33).score(ScorerInput(transcript: transcript, seat: .chatter2))
    #expect(result.cells[2]?.verdict == .fail)
    #expect(result.cells[2]?.score == 1.75)
    #expect(result.cells[4]?.verdict == .pass)
    #expect(result.cells[6]?.verdict == .skipped)
    #expect(result.cells[1] == nil)
    #expect(result.tally == Tally(passes: 1, total: 2))
    let lenient = StutterScorer(threshold: 2).score(ScorerInput(transcript: transcript, seat: .chatter2))
    #expect(lenient.cells[2]?.verdict == .pass)
}
