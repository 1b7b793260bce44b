import LabCore
import Scoring
import Testing

@Test func responseTimesGiveVerdictsAndStatistics() {
    let latencies = [0.5, 1.0, 2.0, 12.0]
    var turns: [Turn] = []
    for (offset, latency) in latencies.enumerated() {
        turns.append(Turn(run: 1, round: offset + 1, index: offset + 1, seat: .chatter2, text: "x", saw: 0,
            latency: latency))
    }
    let scorer = ResponseTimeScorer(maxSeconds: 10)
    let result = scorer.score(ScorerInput(transcript: Transcript(run: 1, turns: turns), seat: .chatter2))
    #expect(result.tally == Tally(passes: 3, total: 4))
    #expect(result.cells[4]?.verdict == .fail)
    #expect(result.statistics.map(\.name) == ["mean", "median", "p95", "p99", "max"])
    #expect(result.statistics[0].value == 3.875)
    #expect(result.statistics[1].value == 1.5)
    #expect(result.statistics[4].value == 12)
    let pooled = scorer.pooledStatistics([result, result])
    #expect(pooled.first { $0.name == "max" }?.value == 12)
}

/// A failed turn is not a slow one: skipped (not counted), and its seconds stay out of the statistics.
@Test func failedTurnsAreSkippedNotSlow() {
    let turns = [
        Turn(run: 1, round: 1, index: 1, seat: .chatter2, text: "x", saw: 0, latency: 0.5),
        Turn(run: 1, round: 2, index: 2, seat: .chatter2, text: "", saw: 0, latency: 30,
            error: TurnError(kind: "timeout", message: "no reply in 30 s")),
        Turn(run: 1, round: 3, index: 3, seat: .chatter2, text: "y", saw: 0, latency: 1.5),
    ]
    let result = ResponseTimeScorer(maxSeconds: 10).score(
        ScorerInput(transcript: Transcript(run: 1, turns: turns), seat: .chatter2))
    #expect(result.tally == Tally(passes: 2, total: 2))
    #expect(result.cells[2]?.verdict == .skipped)
    #expect(result.cells[2]?.score == nil)
    #expect(result.cells[2]?.interpretation == "failed: timeout, not timed")
    #expect(result.scores == [0.5, 1.5])
    #expect(result.statistics.first { $0.name == "max" }?.value == 1.5)
}
