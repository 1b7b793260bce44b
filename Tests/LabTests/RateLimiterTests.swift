@testable import Lab
import LabCore
import Testing

@Test func requestsGetSlotsAtLeastOneIntervalApart() async {
    let limiter = RateLimiter(perSecond: 8)
    var slots: [ContinuousClock.Instant] = []
    for _ in 0..<3 { slots.append(await limiter.acquire()) }
    // A caller is never given a slot sooner than 1/8 s after the previous one (a caller that comes late, on a busy
    // machine, gets its own arrival time, which is later still: so no exact spacing is asserted).
    #expect(slots[1] - slots[0] >= .milliseconds(125))
    #expect(slots[2] - slots[1] >= .milliseconds(125))
}
