import LabCore
import Testing

/// Wilson intervals, Holm's adjustment and the sign test against published or hand-worked values.
@Suite struct IntervalAndCorrectionTests {
    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17,
    /// Table I, method 3 (score interval without continuity correction), to four decimals.
    @Test(arguments: [
        (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
        (29, 29, 0.8830, 1.0),
    ])
    func wilsonMatchesNewcombesTable(passes: Int, total: Int, low: Double, high: Double) throws {
        let interval = try #require(Tally(passes: passes, total: total).interval)
        #expect(abs(interval.low - low) < 0.00005, "\(passes)/\(total) low \(interval.low)")
        #expect(abs(interval.high - high) < 0.00005, "\(passes)/\(total) high \(interval.high)")
    }

    @Test func wilsonEdgesAndText() throws {
        #expect(Tally().interval == nil)
        let all = try #require(Tally(passes: 4, total: 4).interval)
        #expect(all.high == 1 && all.low > 0.5 && all.low < 0.52)  // 0.5101 for 4/4
        #expect(Tally(passes: 7, total: 8).interval?.percentText == "52.9–97.8 %")
    }

    @Test func smallSampleRuleIsFewerThanThirtyVerdicts() {
        #expect(Tally.smallSampleBelow == 30)
        #expect(Tally(passes: 3, total: 4).isSmallSample)
        #expect(Tally(passes: 29, total: 29).isSmallSample)
        #expect(!Tally(passes: 0, total: 30).isSmallSample)
        #expect(!Tally().isSmallSample)  // nothing counted: no rate to mark
    }

    /// R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") gives 0.03 0.06 0.06 0.02 (the step-down keeps it monotone).
    @Test func holmMatchesR() {
        let adjusted = MultipleTesting.holm([0.01, 0.04, 0.03, 0.005])
        for (value, expected) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) {
            #expect(abs((value ?? -1) - expected) < 1e-12, "\(String(describing: value))")
        }
        // Checks that could not be tested stay untested and do not count towards m.
        let gaps = MultipleTesting.holm([nil, 0.02, nil, 0.04])
        #expect(gaps[0] == nil && gaps[2] == nil)
        #expect(abs((gaps[1] ?? -1) - 0.04) < 1e-12 && abs((gaps[3] ?? -1) - 0.04) < 1e-12)
        // Never above 1.
        #expect(MultipleTesting.holm([0.6, 0.7]) == [1, 1])
    }

    /// 2 · P(X ≤ 2) for X ~ Binomial(10, ½) = 2 · 56/1024; 6 of 6 one way: 2/64.
    @Test func signTestIsExactBinomial() {
        #expect(SignTest.pValue(positive: 8, negative: 2) == 0.109375)
        #expect(SignTest.pValue(positive: 2, negative: 8) == 0.109375)
        #expect(SignTest.pValue(positive: 6, negative: 0) == 0.03125)
        #expect(SignTest.pValue(positive: 3, negative: 3) == 1)
        #expect(SignTest.pValue(positive: 0, negative: 0) == nil)
    }
}
