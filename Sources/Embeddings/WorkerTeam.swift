import CKernels
import Foundation
import Synchronization

/// Threads kept for the encoder's forward passes: ``run(_:_:)`` runs a body on the caller and on `count - 1` team
/// threads at once, guaranteed concurrently (so the body may meet at a ``TeamBarrier``), and returns when all
/// have finished.
///
/// Team threads start on first use and stay: between runs they spin for a moment (the next pass of a batch comes
/// within microseconds), then sleep on a condition. One run at a time: a second caller waits for the first.
final class WorkerTeam: Sendable {
    private let state = TeamState()
    private let running = Mutex(())

    /// Runs `body(0)` on the calling thread and `body(1) … body(count - 1)` on team threads, all at once.
    func run(_ count: Int, _ body: (Int) -> Void) {
        if count <= 1 {
            body(0)
            return
        }
        running.withLock { _ in
            state.ensureThreads(count - 1)
            withoutActuallyEscaping(body) { body in
                state.post(participants: count, body)
                body(0)
                state.waitForParticipants()
            }
        }
    }

    deinit {
        state.stop()
    }
}

/// The shared state of a ``WorkerTeam`` and its threads (which hold this, not the team, so the team can end).
///
/// `@unchecked Sendable`: `job`, `participants` and `done` are written only by the posting thread while no team
/// thread reads them (before `posted` is bumped with release ordering, after every team thread has met it at `done`);
/// team threads read them only after acquiring the new `posted` value. `threadCount` is touched only under the
/// team's `running` lock.
private final class TeamState: @unchecked Sendable {
    let posted = Atomic<Int>(0)
    let stopping = Atomic<Bool>(false)
    let condition = NSCondition()
    var job: ((Int) -> Void)?
    var participants = 0
    var threadCount = 0
    /// Every team thread and the poster meet here at the end of a job.
    var done = TeamBarrier(threads: 1)

    /// How long a team thread spins for the next job before it sleeps.
    static let spinNanoseconds: UInt64 = 200_000

    func ensureThreads(_ count: Int) {
        if threadCount < count { done = TeamBarrier(threads: count + 1) }
        while threadCount < count {
            threadCount += 1
            let index = threadCount
            let thread = Thread { [self] in work(index) }
            thread.name = "chatlab-encoder-\(index)"
            thread.start()
        }
    }

    func post(participants: Int, _ body: @escaping (Int) -> Void) {
        job = body
        self.participants = participants
        condition.lock()
        posted.add(1, ordering: .releasing)
        condition.broadcast()
        condition.unlock()
    }

    func waitForParticipants() {
        done.wait()
        job = nil
    }

    func stop() {
        condition.lock()
        stopping.store(true, ordering: .releasing)
        posted.add(1, ordering: .releasing)
        condition.broadcast()
        condition.unlock()
    }

    private func work(_ index: Int) {
        var seen = 0
        while true {
            seen = awaitJob(after: seen)
            if stopping.load(ordering: .acquiring) { return }
            if index < participants, let job { job(index) }
            done.wait()
        }
    }

    /// Waits until a job newer than `seen` is posted; returns its number.
    private func awaitJob(after seen: Int) -> Int {
        let start = DispatchTime.now().uptimeNanoseconds
        while DispatchTime.now().uptimeNanoseconds - start < Self.spinNanoseconds {
            let current = posted.load(ordering: .acquiring)
            if current != seen { return current }
        }
        condition.lock()
        defer { condition.unlock() }
        while posted.load(ordering: .acquiring) == seen { condition.wait() }
        return posted.load(ordering: .acquiring)
    }
}

/// The barrier the participants of one ``WorkerTeam`` run meet at between the steps of a forward pass.
///
/// `@unchecked Sendable`: the C barrier is built for concurrent use (atomics inside).
final class TeamBarrier: @unchecked Sendable {
    private let barrier: OpaquePointer

    init(threads: Int) {
        guard let barrier = chatlab_barrier_new(Int32(threads)) else { fatalError("out of memory for a barrier") }
        self.barrier = barrier
    }

    deinit {
        chatlab_barrier_free(barrier)
    }

    func wait() {
        chatlab_barrier_wait(barrier)
    }
}
