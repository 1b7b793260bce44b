@testable import Lab
import Testing

@Test func requestsGetSlotsOneIntervalApart() async {
    let limiter = RateLimiter(perSecond: 8)
    var slots: [ContinuousClock.Instant] = []
    for _ in 0..<3 { slots.append(await limiter.acquire()) }
    // Each caller asks before its slot comes, so the slots are exactly 1/8 s apart.
    #expect(slots[1] - slots[0] == .milliseconds(125))
    #expect(slots[2] - slots[1] == .milliseconds(125))
}
