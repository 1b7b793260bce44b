/// How the encoder runs a batch: which texts go into which forward pass, and how the threads share the work.
///
/// - `spread`: each pass runs on one thread (OpenBLAS included) and the threads take the next pass as they
///   finish, so a thread never waits for another between layers. The passes carry about equal numbers of
///   tokens (about ``spreadPassTokens``), and there are a multiple of the thread count of them: the threads
///   finish together, and a thread that runs slower (a busy neighbour on a shared machine) takes fewer.
/// - `shared`: one pass after another, each on all threads (matrix products split by output columns). For one
///   thread, small batches, and batches one text dominates (a single long text).
struct PassPlan: Equatable {
    enum Mode: Equatable { case spread, shared }

    /// Below this many tokens in all, a second thread costs more in hand-offs than it saves (measured: one
    /// 17-token text ran at 57/s on 2 threads, 77/s on 1; one 58-token text gains, 41 → 56 texts/s).
    static let tokensPerExtraThread = 32
    /// Spread passes aim at this many tokens: OpenBLAS runs products of 256 rows near its peak, and smaller
    /// passes let a slower thread fall behind by less (measured on 2 threads: 256 beat 384 and 640 tokens).
    static let spreadPassTokens = 256
    /// A batch is spread only if its most expensive text is at most this much more than an even share.
    static let tolerance = 1.25

    var mode: Mode
    /// Contiguous ranges of text indices, in order.
    var passes: [Range<Int>]
    /// Threads taking passes (spread) or threads per pass (shared).
    var threads: Int

    /// A plan for texts of `lengths` tokens on `threads` threads, no pass over `maxTokensPerPass` tokens (a longer
    /// text gets a pass of its own). `cost` estimates a text's work from its length.
    init(lengths: [Int], threads: Int, maxTokensPerPass: Int, cost: (Int) -> Double) {
        let total = lengths.reduce(0, +)
        let threads = total < Self.tokensPerExtraThread ? 1 : max(1, threads)
        let costs = lengths.map(cost)
        let share = costs.reduce(0, +) / Double(threads)
        if threads > 1, lengths.count > 1, costs.max()! <= Self.tolerance * share {
            mode = .spread
            let target = min(Self.spreadPassTokens, max(1, maxTokensPerPass / threads))
            let rounds = max(1, Int((Double(total) / Double(threads * target)).rounded(.up)))
            passes = Self.even(lengths, count: min(lengths.count, threads * rounds))
            self.threads = min(threads, passes.count)
        } else {
            mode = .shared
            passes = Self.chunks(lengths, maxTokens: maxTokensPerPass)
            self.threads = threads
        }
    }

    /// Contiguous passes of at most `maxTokens` tokens (at least one text each).
    static func chunks(_ lengths: [Int], maxTokens: Int) -> [Range<Int>] {
        var passes: [Range<Int>] = []
        var start = 0
        while start < lengths.count {
            var end = start
            var tokens = 0
            while end < lengths.count, end == start || tokens + lengths[end] <= maxTokens {
                tokens += lengths[end]
                end += 1
            }
            passes.append(start..<end)
            start = end
        }
        return passes
    }

    /// `count` contiguous, non-empty passes with about equal numbers of tokens (fewer when there are fewer texts).
    static func even(_ lengths: [Int], count: Int) -> [Range<Int>] {
        let n = lengths.count
        let count = max(1, min(count, n))
        let prefix = lengths.reduce(into: [0]) { $0.append($0.last! + $1) }
        let total = Double(prefix.last!)
        var bounds = [0]
        for k in 1..<count {
            let goal = total * Double(k) / Double(count)
            var index = bounds.last! + 1
            while index < n, Double(prefix[index]) < goal { index += 1 }
            if index > bounds.last! + 1, goal - Double(prefix[index - 1]) < Double(prefix[index]) - goal { index -= 1 }
            bounds.append(min(index, n - (count - k)))
        }
        bounds.append(n)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// The plan in words, e.g. "spread: 8 passes on 2 threads" or "shared: 1 pass on 1 thread".
    var summary: String {
        let count = passes.count
        return "\(mode == .spread ? "spread" : "shared"): \(count) pass\(count == 1 ? "" : "es") on \(threads) "
            + "thread\(threads == 1 ? "" : "s")"
    }
}
