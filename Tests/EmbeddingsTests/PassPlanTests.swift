@testable import Embeddings
import Testing

/// How the encoder cuts a batch into forward passes and shares them among threads.
struct PassPlanTests {
    private func plan(_ lengths: [Int], threads: Int, max: Int = 2_048) -> PassPlan {
        PassPlan(lengths: lengths, threads: threads, maxTokensPerPass: max, cost: { Double($0 * (1_000 + $0)) })
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

    @Test func aBatchOfManyTextsIsSpreadInEvenPassesAMultipleOfTheThreads() {
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
        #expect(tokens.allSatisfy { $0 <= PassPlan.spreadPassTokens + 20 })
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

    @Test func tinyBatchesRunOnOneThread() {
        let p = plan([9, 12], threads: 2)
        #expect(p.threads == 1)
        #expect(p.mode == .shared)
    }

    @Test func twoEqualTextsRunOnePerThread() {
        let p = plan([58, 57], threads: 2)
        #expect(p.mode == .spread)
        #expect(p.passes == [0..<1, 1..<2])
        #expect(p.threads == 2)
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
