import Histogram

/// Latencies recorded in an HDR histogram (microsecond units, 3 significant digits, up to one hour): mergeable, and
/// its percentiles within 0.1 % of the recorded value (the highest value equivalent to it, never above the maximum).
public struct LatencyHistogram: Sendable {
    private var histogram = Histogram<UInt64>(
        lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)

    public init() {}

    /// Adds one latency in seconds (clamped to [1 µs, 1 h]).
    public mutating func record(seconds: Double) {
        let micros = UInt64(min(max((seconds * 1e6).rounded(), 1), 3_600_000_000))
        _ = histogram.record(micros)
    }

    /// Adds every value of another histogram.
    public mutating func merge(_ other: LatencyHistogram) { histogram.add(other.histogram) }

    public var count: Int { Int(histogram.totalCount) }

    /// The summary in milliseconds; all zeros when nothing was recorded.
    public var summary: LatencySummary {
        guard count > 0 else { return LatencySummary() }
        func ms(_ micros: UInt64) -> Double { Double(micros) / 1000 }
        return LatencySummary(
            count: count, mean: histogram.mean / 1000, median: ms(histogram.valueAtPercentile(50)),
            min: ms(histogram.min), max: ms(histogram.maxRecorded),
            p90: ms(histogram.valueAtPercentile(90)), p95: ms(histogram.valueAtPercentile(95)),
            p99: ms(histogram.valueAtPercentile(99)), p999: ms(histogram.valueAtPercentile(99.9)))
    }
}

/// Latency statistics in milliseconds.
public struct LatencySummary: Sendable, Hashable, Codable {
    public var count = 0
    public var mean = 0.0
    public var median = 0.0
    public var min = 0.0
    public var max = 0.0
    public var p90 = 0.0
    public var p95 = 0.0
    public var p99 = 0.0
    public var p999 = 0.0

    public init() {}

    public init(count: Int, mean: Double, median: Double, min: Double, max: Double, p90: Double, p95: Double,
                p99: Double, p999: Double) {
        self.count = count
        self.mean = mean
        self.median = median
        self.min = min
        self.max = max
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.p999 = p999
    }

    /// The named statistic (`mean`, `median`, `p50`, `min`, `max`, `p90`, `p95`, `p99`, `p99.9`), for thresholds.
    public func value(named name: String) -> Double? {
        switch name {
        case "mean": return mean
        case "median", "p50": return median
        case "min": return min
        case "max": return max
        case "p90": return p90
        case "p95": return p95
        case "p99": return p99
        case "p99.9", "p999": return p999
        default: return nil
        }
    }
}
