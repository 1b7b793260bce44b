/// What one check must reach for the experiment to pass as a CI gate (config `thresholds:`, `--fail-on`).
///
/// Every limit is optional; a threshold with none is refused when loaded. Limits on latency percentiles apply to
/// response time (RT) only.
public struct Threshold: Sendable, Hashable {
    /// A response-time percentile a threshold may limit, named as in the config (`max_p95`) and as the summary's
    /// statistic it reads (`p95`).
    public enum Percentile: String, Sendable, Hashable, CaseIterable, Comparable {
        case p50, p95, p99

        /// The config key: `max_p50`, `max_p95`, `max_p99`.
        public var key: String { "max_\(rawValue)" }
        /// The statistic's name in the summaries (`median` for p50).
        public var statistic: String { self == .p50 ? "median" : rawValue }

        public static func < (lhs: Percentile, rhs: Percentile) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The check's code (`SS`, `RT`, `ML-A6`...).
    public var code: String
    /// The lowest share of passing verdicts allowed, 0 to 1.
    public var minPassRate: Double?
    /// The highest share of the checked seat's turns that may fail (no reply), 0 to 1.
    public var maxErrorRate: Double?
    /// The most seconds each percentile of the response time may be (RT only).
    public var maxLatency: [Percentile: Double]

    public init(code: String, minPassRate: Double? = nil, maxErrorRate: Double? = nil, maxLatency: [Percentile: Double] = [:]) {
        self.code = code
        self.minPassRate = minPassRate
        self.maxErrorRate = maxErrorRate
        self.maxLatency = maxLatency
    }

    /// The config keys a threshold for `code` takes.
    public static func keys(for code: String) -> [String] {
        ["min_pass_rate", "max_error_rate"] + (code == "RT" ? Percentile.allCases.map(\.key) : [])
    }

    /// This threshold with the limits `other` sets replacing its own (the command line over the config).
    public func overridden(by other: Threshold) -> Threshold {
        var merged = self
        merged.minPassRate = other.minPassRate ?? minPassRate
        merged.maxErrorRate = other.maxErrorRate ?? maxErrorRate
        merged.maxLatency.merge(other.maxLatency) { _, new in new }
        return merged
    }

    /// `thresholds` with `overrides` merged in code by code, in first-seen order.
    public static func merge(_ thresholds: [Threshold], _ overrides: [Threshold]) -> [Threshold] {
        var result = thresholds
        for override in overrides {
            if let index = result.firstIndex(where: { $0.code == override.code }) {
                result[index] = result[index].overridden(by: override)
            } else {
                result.append(override)
            }
        }
        return result
    }
}
