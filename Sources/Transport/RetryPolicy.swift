import Foundation
import LabCore

/// How often and how long to wait before trying a request again.
///
/// The wait before retry `k` (0-based) is `Retry-After` when the server sent a valid one (see ``RetryAfter``), capped
/// at ``maxDelay`` and at the caller's own limit (the chatter's timeout); otherwise "equal jitter" backoff: `b/2 + u·b/2` with `b = baseDelay·2^k` and `u` uniform in [0, 1)
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

    /// Seconds to wait before retry number `attempt` (0-based): always finite, in `0...min(maxDelay, cap)`.
    ///
    /// A `retryAfter` that is not a finite number is ignored, as if the server had sent none.
    public func delay(attempt: Int, retryAfter: Double?, cap: Double = .infinity, random: inout SeededRandom) -> Double {
        let limit = Self.finite(min(maxDelay, cap))
        if let retryAfter, retryAfter.isFinite { return min(max(retryAfter, 0), limit) }
        let ceiling = min(baseDelay * pow(2, Double(min(attempt, 62))), limit)
        let wait = ceiling / 2 + random.nextUnit() * ceiling / 2
        return wait.isFinite ? max(0, wait) : 0
    }

    /// `value` when finite and non-negative, else 0 (a negative or NaN limit waits not at all).
    private static func finite(_ value: Double) -> Double {
        value.isFinite && value >= 0 ? value : (value == .infinity ? 86_400 : 0)
    }
}
