/// Spaces requests so that all callers together make at most `perSecond` of them (chatter requests of all
/// conversations, a batch's calls to one provider).
public actor RateLimiter {
    private let interval: Duration
    private var next: ContinuousClock.Instant
    private let clock = ContinuousClock()

    public init(perSecond: Double) {
        interval = .nanoseconds(Int64(1e9 / perSecond))
        next = clock.now
    }

    /// Waits until the caller may send its request; returns the time slot it was given.
    @discardableResult
    public func acquire() async -> ContinuousClock.Instant {
        let now = clock.now
        let slot = max(now, next)
        next = slot + interval
        if slot > now { try? await Task.sleep(until: slot, clock: clock) }
        return slot
    }
}
