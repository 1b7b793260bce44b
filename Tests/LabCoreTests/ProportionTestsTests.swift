import LabCore
import Testing

/// Reference p-values computed once with SciPy 1.17: `scipy.stats.fisher_exact([[a, n-a], [b, m-b]])` and the pooled
/// z statistic with `2 * scipy.stats.norm.sf(abs(z))`.
@Suite struct ProportionTestsTests {
    static let cases: [(Tally, Tally, z: Double, fisher: Double)] = [
        (Tally(passes: 45, total: 50), Tally(passes: 30, total: 50), 0.0005320055051392477, 0.0009668432030628979),
        (Tally(passes: 3, total: 10), Tally(passes: 9, total: 10), 0.006169899320544151, 0.019766611097880443),
        (Tally(passes: 10, total: 12), Tally(passes: 2, total: 7), 0.016985747945509732, 0.04491148686195126),
        (Tally(passes: 500, total: 1000), Tally(passes: 540, total: 1000), 0.07340775532354289, 0.08086663232111979),
        (Tally(passes: 0, total: 5), Tally(passes: 5, total: 5), 0.001565402258002548, 0.007936507936507938),
    ]

    @Test(arguments: 0..<cases.count)
    func pValuesMatchSciPy(_ index: Int) throws {
        let (a, b, z, fisher) = Self.cases[index]
        let zP = try #require(ProportionTests.zTest(a, b))
        let fisherP = try #require(ProportionTests.fisherExact(a, b))
        #expect(abs(zP - z) <= 1e-9 * max(1, z), "z: \(zP) vs \(z)")
        #expect(abs(fisherP - fisher) <= 1e-9 * max(1, fisher), "fisher: \(fisherP) vs \(fisher)")
        // Both tests are symmetric in the two samples.
        #expect(abs((ProportionTests.zTest(b, a) ?? 0) - zP) < 1e-12)
        #expect(abs((ProportionTests.fisherExact(b, a) ?? 0) - fisherP) < 1e-12)
    }

    @Test func theZStatisticHasTheSignOfTheDifference() {
        let z = ProportionTests.zStatistic(Tally(passes: 45, total: 50), Tally(passes: 30, total: 50)) ?? 0
        #expect(abs(z - -3.4641016151377553) < 1e-12)
    }

    @Test func equalAndEmptySamples() {
        #expect(ProportionTests.zTest(Tally(passes: 7, total: 7), Tally(passes: 7, total: 7)) == 1)
        #expect(ProportionTests.fisherExact(Tally(passes: 7, total: 7), Tally(passes: 7, total: 7)) == 1)
        #expect(ProportionTests.fisherExact(Tally(passes: 0, total: 3), Tally(passes: 0, total: 9)) == 1)
        let same = ProportionTests.fisherExact(Tally(passes: 3, total: 6), Tally(passes: 3, total: 6)) ?? 0
        #expect(abs(same - 1) < 1e-12)
        #expect(ProportionTests.zTest(Tally(), Tally(passes: 1, total: 2)) == nil)
        #expect(ProportionTests.fisherExact(Tally(passes: 1, total: 2), Tally()) == nil)
    }

    @Test func logFactorialsAreExact() {
        #expect(ProportionTests.logFactorial(0) == 0)
        #expect(ProportionTests.logFactorial(1) == 0)
        #expect(abs(ProportionTests.logFactorial(10) - 15.104412573075516) < 1e-12)  // ln 3628800
        // Large tables neither overflow nor lose their p-value.
        let p = ProportionTests.fisherExact(Tally(passes: 50_000, total: 100_000), Tally(passes: 50_000, total: 100_000))
        #expect(abs((p ?? 0) - 1) < 1e-9)
    }
}
