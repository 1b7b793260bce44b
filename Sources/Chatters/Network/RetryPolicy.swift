import Foundation
import LabCore

/// How often and how long to wait before trying a request again.
///
/// The wait before retry `k` (0-based) is `Retry-After` when the server sent one (seconds form, capped at
/// ``maxDelay``); otherwise "equal jitter" backoff: `b/2 + u·b/2` with `b = baseDelay·2^k` and `u` uniform in [0, 1)
/// drawn from the turn's seed, so the same seed waits the same.
public struct RetryPolicy: Sendable, Equatable {
    /// Extra attempts after the first.
    public var retries: Int
    /// Seconds; the first backoff is between half of it and all of it.
    public var baseDelay: Double
    /// Seconds; no wait is longer.
    public var maxDelay: Double

    public init(retries: Int = 2, baseDelay: Double = 0.5, maxDelay: Double = 30) {
        self.retries = retries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Seconds to wait before retry number `attempt` (0-based).
    public func delay(attempt: Int, retryAfter: Double?, random: inout SeededRandom) -> Double {
        if let retryAfter { return min(max(retryAfter, 0), maxDelay) }
        let ceiling = min(baseDelay * pow(2, Double(attempt)), maxDelay)
        return ceiling / 2 + random.nextUnit() * ceiling / 2
    }
}
