/// Spaces chatter requests so that all conversations together make at most `perSecond` of them.
actor RateLimiter {
    private let interval: Duration
    private var next: ContinuousClock.Instant
    private let clock = ContinuousClock()

    init(perSecond: Double) {
        interval = .nanoseconds(Int64(1e9 / perSecond))
        next = clock.now
    }

    /// Waits until the caller may send its request; returns the time slot it was given.
    @discardableResult
    func acquire() async -> ContinuousClock.Instant {
        let now = clock.now
        let slot = max(now, next)
        next = slot + interval
        if slot > now { try? await Task.sleep(until: slot, clock: clock) }
        return slot
    }
}
