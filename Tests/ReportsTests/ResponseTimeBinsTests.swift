@testable import Reports
import Testing

/// Bin labels carry as many decimals as the bin width needs.
@Suite struct ResponseTimeBinsTests {
    @Test func subMillisecondTimesNeverReadZeroToZero() {
        // The largest time is 0.0019 s: ten bins of 0.0002 s (the smallest round width at least 0.00019).
        let bins = ResponseTimeBins([0.0001, 0.0004, 0.0011, 0.0019])
        #expect(bins.width == 0.0002)
        #expect(bins.label(0) == "0–0.0002 s")
        #expect(bins.label(1) == "0.0002–0.0004 s")
        #expect(bins.label(9) == "0.0018–0.002 s")
        for index in bins.counts.indices {
            let parts = bins.label(index).dropLast(2).split(separator: "–")
            #expect(parts.count == 2 && parts[0] != parts[1], "\(bins.label(index))")
        }
        #expect(bins.counts.reduce(0, +) == 4)
    }

    @Test func widthsOfWholeAndHalfSecondsKeepShortLabels() {
        #expect(ResponseTimeBins([0, 9.5]).label(0) == "0–1 s")
        #expect(ResponseTimeBins([0, 4.9]).label(1) == "0.5–1 s")
        #expect(ResponseTimeBins([0, 24]).label(3) == "7.5–10 s")
        #expect(ResponseTimeBins([0, 120]).label(1) == "20–40 s")
        #expect(ResponseTimeBins.decimalPlaces(0.00025) == 5)
    }
}
