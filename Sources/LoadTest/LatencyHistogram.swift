import Histogram

/// Latencies recorded in an HDR histogram (microsecond units, 3 significant digits, up to one hour): mergeable, and
/// its percentiles within 0.1 % of the recorded value (the highest value equivalent to it, never above the maximum).
///
/// Written sparsely (the exact smallest and largest values, and a value and count per non-empty bucket), so a shard
/// of a load test can hand its histograms to the merge, which rebuilds them exactly: same counts, same extremes,
/// same percentiles.
public struct LatencyHistogram: Sendable, Codable, Equatable {
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

    private enum CodingKeys: String, CodingKey { case min, max, buckets }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        guard count > 0 else { return }
        try container.encode(histogram.min, forKey: .min)
        try container.encode(histogram.maxRecorded, forKey: .max)
        try container.encode(histogram.recordedValues().map { [$0.value, $0.count] }, forKey: .buckets)
    }

    /// Rebuilds the histogram: each bucket's count is recorded at a value inside it, the first bucket's at the exact
    /// smallest value and the last one's at the exact largest, so extremes and percentiles come back unchanged.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let buckets = try container.decodeIfPresent([[UInt64]].self, forKey: .buckets), !buckets.isEmpty else {
            return
        }
        let low = try container.decode(UInt64.self, forKey: .min)
        let high = try container.decode(UInt64.self, forKey: .max)
        for (position, bucket) in buckets.enumerated() {
            guard bucket.count == 2, bucket[1] > 0, bucket[0] <= 3_600_000_000 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .buckets, in: container, debugDescription: "a bucket is not [value, count > 0]")
            }
            var (value, count) = (bucket[0], bucket[1])
            if position == buckets.count - 1 {
                if buckets.count == 1, count > 1 {
                    _ = histogram.record(low, count: count - 1)
                    count = 1
                }
                value = high
            } else if position == 0 {
                value = low
            }
            _ = histogram.record(value, count: count)
        }
    }

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
