import Foundation

/// Runs work that blocks its thread (a synchronous network client, a long computation) on a thread of its own, so
/// async code awaits it without holding one of the few threads of Swift's cooperative pool.
public enum BlockingWork {
    public static func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }
}
