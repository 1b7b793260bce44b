/// How the encoder runs a batch: which texts go into which forward pass, and how the threads share the work.
///
/// - `shared`: one pass after another, each on `threads` threads at once (products split by output panels,
///   attention by text and head, the rest by rows).
/// - `spread`: each pass runs on one thread and `threads` threads take the next pass as they finish, so no thread
///   waits for another between steps.
///
/// The plan is chosen by measured cost (``PassCosts``), not by thresholds: every shared plan on 1, 2, 4 … threads and
/// every spread plan on 2, 4 … threads with 1, 2, 4 … passes per thread is estimated, each estimate corrected by what
/// earlier batches of its kind took (``PlanCorrection``), and the cheapest runs.
struct PassPlan: Equatable {
    enum Mode: Equatable { case spread, shared }

    var mode: Mode
    /// Contiguous ranges of text indices, in order.
    var passes: [Range<Int>]
    /// Threads taking passes (spread) or threads per pass (shared).
    var threads: Int
    /// Estimated seconds for the whole batch (layers included).
    var estimate: Double
    /// The cheapest plan of the other mode, if any, for the summary.
    var runnerUp: Alternative?

    struct Alternative: Equatable {
        var mode: Mode
        var threads: Int
        var passes: Int
        var estimate: Double
    }

    /// A plan for texts of `lengths` tokens on up to `threads` threads, no pass over `maxTokensPerPass` tokens (a
    /// longer text gets a pass of its own; spread passes in flight together stay within it), each layer of a pass
    /// costing what `costs` says, `layers` layers, times `correction`'s factor for the plan's mode and threads.
    init(
        lengths: [Int], threads: Int, maxTokensPerPass: Int, costs: PassCosts?, layers: Int = 1,
        correction: PlanCorrection = PlanCorrection()
    ) {
        let chunks = Self.chunks(lengths, maxTokens: maxTokensPerPass)
        guard let costs, threads > 1 else {
            self.init(mode: .shared, passes: chunks, threads: 1, estimate: 0, runnerUp: nil)
            return
        }
        let tokens = { (pass: Range<Int>) in pass.reduce(0) { $0 + lengths[$1] } }
        var candidates: [PassPlan] = []
        for count in PassCosts.threadCounts(upTo: threads) {
            let seconds = chunks.reduce(0) { $0 + costs.seconds(rows: tokens($1), threads: count, spread: false) }
            candidates.append(PassPlan(
                mode: .shared, passes: chunks, threads: count,
                estimate: seconds * Double(layers) * correction.factor(.shared, threads: count), runnerUp: nil))
        }
        for count in PassCosts.threadCounts(upTo: threads) where count > 1 && lengths.count >= count {
            let budget = max(1, maxTokensPerPass / count)
            var perThread = 1
            while count * perThread <= lengths.count {
                let passes = Self.even(lengths, count: count * perThread)
                if passes.allSatisfy({ tokens($0) <= budget || $0.count == 1 }) {
                    let seconds = Self.makespan(passes.map {
                        costs.seconds(rows: tokens($0), threads: count, spread: true)
                    }, threads: count)
                    candidates.append(PassPlan(
                        mode: .spread, passes: passes, threads: count,
                        estimate: seconds * Double(layers) * correction.factor(.spread, threads: count),
                        runnerUp: nil))
                }
                perThread *= 2
            }
        }
        // The cheapest; on a tie, the earlier (fewer threads, shared before spread).
        var best = candidates.min { $0.estimate < $1.estimate }!
        if let other = candidates.filter({ $0.mode != best.mode }).min(by: { $0.estimate < $1.estimate }) {
            best.runnerUp = Alternative(
                mode: other.mode, threads: other.threads, passes: other.passes.count, estimate: other.estimate)
        }
        self = best
    }

    init(mode: Mode, passes: [Range<Int>], threads: Int, estimate: Double, runnerUp: Alternative?) {
        self.mode = mode
        self.passes = passes
        self.threads = threads
        self.estimate = estimate
        self.runnerUp = runnerUp
    }

    /// When `threads` threads take passes costing `seconds` in order, each the next as it finishes: the time until
    /// the last finishes.
    static func makespan(_ seconds: [Double], threads: Int) -> Double {
        var free = Array(repeating: 0.0, count: max(1, threads))
        for cost in seconds {
            let first = free.indices.min { free[$0] < free[$1] }!
            free[first] += cost
        }
        return free.max()!
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

    /// The plan in words, with its estimate and the best plan of the other mode, e.g. "spread: 8 passes on 2
    /// threads, est. 41.0 ms (shared on 2 threads: 46.2 ms)".
    var summary: String {
        func describe(_ mode: Mode, _ passes: Int, _ threads: Int) -> String {
            "\(mode == .spread ? "spread" : "shared"): \(passes) pass\(passes == 1 ? "" : "es") on \(threads) "
                + "thread\(threads == 1 ? "" : "s")"
        }
        var text = describe(mode, passes.count, threads)
        if estimate > 0 { text += ", est. " + Self.milliseconds(estimate) }
        if let runnerUp {
            text += " (" + describe(runnerUp.mode, runnerUp.passes, runnerUp.threads) + ": "
                + Self.milliseconds(runnerUp.estimate) + ")"
        }
        return text
    }

    private static func milliseconds(_ seconds: Double) -> String {
        let value = (seconds * 10_000).rounded() / 10
        return "\(value) ms"
    }
}
