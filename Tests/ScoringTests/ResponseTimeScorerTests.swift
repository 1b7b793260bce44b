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
