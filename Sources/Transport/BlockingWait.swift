import Foundation

/// Runs async work and waits for its result on the calling thread: the bridge for synchronous callers (the
/// ``BlockingFetch`` of the toxicity backends, the remote sentence encoder).
///
/// The work runs *on the calling thread itself*: a task whose executor preference is a ``CallingThreadExecutor``
/// that the waiting thread drains until the result is there. So it never needs a thread of Swift's cooperative pool,
/// and cannot deadlock when the caller is one of those threads (as a synchronous test or scorer may be), however few
/// there are. Network I/O itself runs on SwiftNIO's event loops as always.
public enum BlockingWait {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let executor = CallingThreadExecutor()
        let outcome = Outcome<T>()
        Task(executorPreference: executor) {
            do {
                outcome.result = .success(try await work())
            } catch {
                outcome.result = .failure(error)
            }
            executor.finish()
        }
        executor.drain()
        return try outcome.result!.get()
    }
}

/// A task executor whose jobs run on the thread that calls ``drain()``, until ``finish()``; jobs that still arrive
/// after that (none do for structured work) run on a thread of their own rather than being lost.
final class CallingThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var finished = false

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        if finished {
            condition.unlock()
            let executor = asUnownedTaskExecutor()
            Thread.detachNewThread { job.runSynchronously(on: executor) }
            return
        }
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs jobs as they come until the work has finished.
    func drain() {
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }
}

/// The result the waiting thread reads. `@unchecked Sendable`: written once by the task before ``CallingThreadExecutor/finish()``,
/// read by the waiting thread after its drain ends.
private final class Outcome<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
