import Foundation

/// A pass condition for CI, like k6's thresholds: `p95 < 800ms`, `error_rate < 1%`, `intent_accuracy > 0.9`,
/// `error_rate:throttled <= 0.5%`, `requests_per_second >= 50`.
///
/// Latency statistics (`mean`, `median`/`p50`, `min`, `max`, `p90`, `p95`, `p99`, `p99.9`) compare in milliseconds
/// (`ms` or `s` after the number; a bare number is ms); rates and accuracy are fractions (or `%`).
public struct LoadThreshold: Sendable, Hashable, CustomStringConvertible {
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

        func holds(_ actual: Double, _ limit: Double) -> Bool {
            switch self {
            case .less: return actual < limit
            case .lessOrEqual: return actual <= limit
            case .greater: return actual > limit
            case .greaterOrEqual: return actual >= limit
            }
        }
    }

    public var metric: String
    public var comparison: Comparison
    /// In milliseconds for latency, a fraction for rates.
    public var limit: Double
    /// As the user wrote it.
    public var text: String

    public var description: String { text }

    static let latencyNames = ["mean", "median", "p50", "min", "max", "p90", "p95", "p99", "p99.9"]

    /// Reads one threshold.
    ///
    /// - Throws: ``LoadError`` naming the text and listing what can be written.
    public init(_ text: String) throws {
        self.text = text
        let fix = "Write e.g. 'p95 < 800ms', 'error_rate < 1%', 'intent_accuracy > 0.9' (metrics: "
            + (Self.latencyNames + ["error_rate", "error_rate:CLASS", "intent_accuracy", "requests_per_second"])
                .joined(separator: ", ") + ")."
        let pattern = #"^\s*([a-z_0-9.:]+)\s*(<=|>=|<|>)\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s|%)?\s*$"#
        guard let match = text.range(of: pattern, options: .regularExpression) else {
            throw LoadError("threshold '\(text)'", "cannot be read", fix: fix)
        }
        let groups = try NSRegularExpression(pattern: pattern).firstMatch(
            in: text, range: NSRange(match, in: text))!
        func group(_ number: Int) -> String? {
            Range(groups.range(at: number), in: text).map { String(text[$0]) }
        }
        metric = group(1)!
        comparison = Comparison(rawValue: group(2)!)!
        var value = Double(group(3)!)!
        let unit = group(4)
        if Self.latencyNames.contains(metric) {
            guard unit != "%" else { throw LoadError("threshold '\(text)'", "gives a latency in %", fix: fix) }
            if unit == "s" { value *= 1000 }
        } else if metric == "requests_per_second" {
            guard unit == nil else { throw LoadError("threshold '\(text)'", "gives a rate with a unit", fix: fix) }
        } else if metric == "error_rate" || metric.hasPrefix("error_rate:") || metric == "intent_accuracy" {
            guard unit == nil || unit == "%" else { throw LoadError("threshold '\(text)'", "gives a rate in time units", fix: fix) }
            if unit == "%" { value /= 100 }
        } else {
            throw LoadError("threshold '\(text)'", "names an unknown metric '\(metric)'", fix: fix)
        }
        limit = value
    }

    /// The measured value this threshold compares, or `nil` when there is none (no intent accuracy without answered
    /// replies that carry an expected intent).
    public func actual(in statistics: LoadStatistics) -> Double? {
        if let latency = statistics.latency.value(named: metric) { return statistics.answered > 0 ? latency : nil }
        if metric == "error_rate" { return statistics.errorRate }
        if metric.hasPrefix("error_rate:") { return statistics.errorRate(String(metric.dropFirst("error_rate:".count))) }
        if metric == "intent_accuracy" { return statistics.intentAccuracy }
        if metric == "requests_per_second" { return statistics.requestsPerSecond }
        return nil
    }

    /// Checks the threshold; a missing value fails.
    public func check(_ statistics: LoadStatistics) -> ThresholdResult {
        let value = actual(in: statistics)
        return ThresholdResult(threshold: text, actual: value, passed: value.map { comparison.holds($0, limit) } ?? false,
                               unit: Self.latencyNames.contains(metric) ? "ms" : "")
    }
}

/// One threshold's outcome.
public struct ThresholdResult: Sendable, Codable, Hashable {
    public var threshold: String
    /// `nil` when the run did not measure it.
    public var actual: Double?
    public var passed: Bool
    /// `ms` for latency, else empty.
    public var unit: String

    public init(threshold: String, actual: Double?, passed: Bool, unit: String) {
        self.threshold = threshold
        self.actual = actual
        self.passed = passed
        self.unit = unit
    }
}
