import Dispatch

/// Fork-join over the encoder's threads.
enum Parallel {
    /// Runs `body(0..<count)` on up to `threads` threads (inline when 1) and returns when all have finished.
    static func run(_ count: Int, threads: Int, _ body: (Int) -> Void) {
        if threads <= 1 || count <= 1 {
            for index in 0..<count { body(index) }
        } else {
            withoutActuallyEscaping(body) { body in
                let work = UncheckedSendable(body)
                DispatchQueue.concurrentPerform(iterations: count) { work.value($0) }
            }
        }
    }

    /// `total` split into at most `parts` contiguous ranges of about equal size, each boundary a multiple of
    /// `alignment` (except the end).
    static func chunks(_ total: Int, parts: Int, alignment: Int = 1) -> [Range<Int>] {
        let units = (total + alignment - 1) / alignment
        let parts = max(1, min(parts, units))
        return (0..<parts).map { part in
            min(total, units * part / parts * alignment)..<min(total, units * (part + 1) / parts * alignment)
        }
    }
}

/// Lets `Parallel.run` hand its non-escaping body to `concurrentPerform`.
///
/// `@unchecked Sendable`: every body passed to `Parallel.run` writes only its own rows, columns, scratch block or
/// texts' results in buffers the caller allocated (and takes passes through a lock), and `concurrentPerform`
/// returns only after every iteration has finished.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
