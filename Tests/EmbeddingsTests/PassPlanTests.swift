@testable import Embeddings
import Testing

/// How the encoder cuts a batch into forward passes and shares them among threads, by measured costs.
struct PassPlanTests {
    /// Costs shaped like this machine's: a second thread helps a shared pass less than it helps two passes run
    /// side by side, except for a single small pass, where side by side is impossible.
    private let costs = PassCosts(
        rows: [16, 64, 256], shared: [1: [1.6, 5.0, 18.0], 2: [1.2, 3.2, 11.0]], spread: [2: [1.7, 5.2, 19.0]])

    private func plan(_ lengths: [Int], threads: Int, max: Int = 2_048, costs: PassCosts? = nil) -> PassPlan {
        PassPlan(lengths: lengths, threads: threads, maxTokensPerPass: max, costs: costs ?? self.costs)
    }

    /// Every text exactly once, in order, in non-empty passes.
    private func expectCovers(_ passes: [Range<Int>], _ count: Int) {
        #expect(passes.first?.lowerBound == 0)
        #expect(passes.last?.upperBound == count)
        for (a, b) in zip(passes, passes.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(passes.allSatisfy { !$0.isEmpty })
    }

    @Test func oneThreadRunsSharedPassesWithinTheTokenBudget() {
        let lengths = Array(repeating: 58, count: 64)
        let p = plan(lengths, threads: 1)
        #expect(p.mode == .shared)
        #expect(p.threads == 1)
        expectCovers(p.passes, 64)
        #expect(p.passes.allSatisfy { $0.reduce(0) { $0 + lengths[$1] } <= 2_048 })
        #expect(p.passes.count == 2)
    }

    @Test func aBatchOfManyTextsIsSpreadWhenSideBySideIsCheaper() {
        let lengths = (0..<64).map { 12 + $0 % 9 }
        let p = plan(lengths, threads: 2)
        #expect(p.mode == .spread)
        #expect(p.threads == 2)
        expectCovers(p.passes, 64)
        #expect(p.passes.count % 2 == 0)
        let tokens = p.passes.map { $0.reduce(0) { $0 + lengths[$1] } }
        // Even: no pass more than one text away from an even share.
        let share = Double(lengths.reduce(0, +)) / Double(p.passes.count)
        #expect(tokens.allSatisfy { abs(Double($0) - share) <= 20 }, "\(tokens)")
        // Its estimate is the cheapest: the runner-up (shared on 2 threads) costs more.
        #expect(p.runnerUp?.mode == .shared)
        #expect(p.estimate < p.runnerUp!.estimate)
    }

    @Test func theSameBatchIsSharedWhenTheMeasurementsSaySo() {
        // Two passes side by side contend for memory here: each takes three times as long as alone.
        let contended = PassCosts(
            rows: [16, 64, 256], shared: [1: [1.6, 5.0, 18.0], 2: [1.0, 2.6, 9.2]], spread: [2: [4.8, 15.0, 54.0]])
        let p = plan((0..<64).map { 12 + $0 % 9 }, threads: 2, costs: contended)
        #expect(p.mode == .shared)
        #expect(p.threads == 2)
    }

    @Test func aSingleTextOrOneDominantTextSharesItsPassesAmongTheThreads() {
        let single = plan([58], threads: 2)
        #expect(single.mode == .shared)
        #expect(single.threads == 2)
        #expect(single.passes == [0..<1])
        // One 250-token text and two short ones: no split of whole texts is even.
        let dominant = plan([250, 10, 12], threads: 2)
        #expect(dominant.mode == .shared)
        #expect(dominant.threads == 2)
    }

    @Test func aSmallTextStaysOnOneThreadWhenASecondDoesNotPay() {
        // Measured: a 16-token pass is slower on two threads than on one (hand-offs cost more than they save).
        let handOffs = PassCosts(
            rows: [16, 64, 256], shared: [1: [1.6, 5.0, 18.0], 2: [1.9, 3.2, 11.0]], spread: [2: [1.7, 5.2, 19.0]])
        let p = plan([12], threads: 2, costs: handOffs)
        #expect(p.threads == 1)
        #expect(p.mode == .shared)
        // With the default costs a second thread pays even for it.
        #expect(plan([12], threads: 2).threads == 2)
    }

    @Test func twoEqualTextsRunOnePerThread() {
        let p = plan([58, 57], threads: 2)
        #expect(p.mode == .spread)
        #expect(p.passes == [0..<1, 1..<2])
        #expect(p.threads == 2)
    }

    @Test func withoutMeasurementsOrASecondThreadThePlanIsOneThreadInBudgetedPasses() {
        let p = PassPlan(lengths: [300, 300, 300], threads: 2, maxTokensPerPass: 600, costs: nil)
        #expect(p.mode == .shared)
        #expect(p.threads == 1)
        #expect(p.passes == [0..<2, 2..<3])
    }

    @Test func spreadPassesInFlightTogetherStayWithinTheTokenBudget() {
        let lengths = Array(repeating: 40, count: 32)
        let p = plan(lengths, threads: 2, max: 256)
        for pass in p.passes {
            let tokens = pass.reduce(0) { $0 + lengths[$1] }
            #expect(tokens <= (p.mode == .spread ? 128 : 256), "\(p.summary)")
        }
    }

    @Test func costsInterpolateBetweenAndBeyondTheMeasuredSizes() {
        #expect(costs.seconds(rows: 64, threads: 1, spread: false) == 5.0)
        #expect(costs.seconds(rows: 40, threads: 1, spread: false) == 3.3)
        #expect(costs.seconds(rows: 8, threads: 2, spread: true) == 0.85)
        #expect(costs.seconds(rows: 512, threads: 2, spread: false) == 22.0)
        // An unmeasured thread count falls back to the nearest lower one.
        #expect(costs.seconds(rows: 64, threads: 3, spread: false) == 3.2)
    }

    @Test func aLargerPassNeverCostsMorePerTokenThanASmallerOneMeasured() {
        // The 256-token measurement was slowed by a neighbour: 40 ms, more per token than the 64-token pass.
        let noisy = PassCosts(rows: [16, 64, 256], shared: [1: [1.6, 5.0, 40.0]], spread: [:])
        #expect(noisy.seconds(rows: 256, threads: 1, spread: false) == 20.0)
        #expect(noisy.seconds(rows: 512, threads: 1, spread: false) == 40.0)
        #expect(noisy.seconds(rows: 64, threads: 1, spread: false) == 5.0)
    }

    @Test func makespanIsWhenTheLastThreadFinishes() {
        #expect(PassPlan.makespan([3, 1, 1, 1], threads: 2) == 3)
        #expect(PassPlan.makespan([1, 1, 1, 1], threads: 2) == 2)
        #expect(PassPlan.makespan([2, 2, 2], threads: 1) == 6)
    }

    @Test func theSummaryNamesThePlanItsEstimateAndTheRunnerUp() {
        let p = plan((0..<64).map { 12 + $0 % 9 }, threads: 2)
        #expect(p.summary.hasPrefix("spread: \(p.passes.count) passes on 2 threads, est. "), "\(p.summary)")
        #expect(p.summary.contains("(shared: 1 pass on 2 threads: "), "\(p.summary)")
        #expect(PassPlan(lengths: [5], threads: 1, maxTokensPerPass: 64, costs: nil).summary == "shared: 1 pass on 1 thread")
    }

    @Test func evenSplitsNeverLeaveAPassEmpty() {
        for count in 1...7 {
            for n in count...12 {
                let lengths = (0..<n).map { $0 == 0 ? 200 : 3 }
                let passes = PassPlan.even(lengths, count: count)
                #expect(passes.count == count)
                expectCovers(passes, n)
            }
        }
        #expect(PassPlan.even([5, 5], count: 4).count == 2)
    }

    @Test func chunksForColumnsAreAligned() {
        let blocks = Parallel.chunks(1_152, parts: 2, alignment: 32)
        #expect(blocks == [0..<576, 576..<1_152])
        let odd = Parallel.chunks(384, parts: 5, alignment: 32)
        #expect(odd.first?.lowerBound == 0 && odd.last?.upperBound == 384)
        #expect(odd.dropLast().allSatisfy { $0.upperBound % 32 == 0 })
        #expect(odd.allSatisfy { !$0.isEmpty })
    }
}
