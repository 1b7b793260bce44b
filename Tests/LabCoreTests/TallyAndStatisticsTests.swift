import LabCore
import Testing

@Test func tallyCountsPassesAndFailsButNotSkipped() {
    var tally = Tally()
    for verdict in [Verdict.pass, .fail, .skipped, .pass] { tally.add(verdict) }
    #expect(tally == Tally(passes: 2, total: 3))
    #expect(tally.fails == 1)
    #expect(Tally().rate == nil)
}

@Test func pooledRateIsNotTheAverageOfRates() {
    let pooled = Tally(passes: 1, total: 1) + Tally(passes: 0, total: 3)
    #expect(pooled.rate == 0.25)
}

@Test func quantilesInterpolateLikeNumpy() {
    let values: [Double] = [1, 2, 3, 4, 10]
    #expect(Statistics.median(values) == 3)
    #expect(abs(Statistics.quantile(values, 0.95)! - 8.8) < 1e-12)
    #expect(Statistics.mean(values) == 4)
    #expect(Statistics.mean([]) == nil)
}
