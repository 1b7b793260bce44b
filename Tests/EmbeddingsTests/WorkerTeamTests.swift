@testable import Embeddings
import Synchronization
import Testing

/// The encoder's worker team: every participant runs, at once, and meets at the barrier.
struct WorkerTeamTests {
    /// Each participant writes its own slot between barriers and reads the others' after: this only finishes with
    /// the right sums if all run concurrently and the barrier holds every one until all have arrived.
    @Test(arguments: [1, 2, 3, 4])
    func participantsRunTogetherAndMeetAtTheBarrier(count: Int) {
        let team = WorkerTeam()
        let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        slots.initialize(repeating: 0)
        defer { slots.deallocate() }
        let totals = Mutex<[Int]>(Array(repeating: 0, count: count))
        for round in 1...50 {
            let barrier = TeamBarrier(threads: count)
            team.run(count) { worker in
                slots[worker] = round * (worker + 1)
                barrier.wait()
                let sum = slots.reduce(0, +)
                barrier.wait()
                totals.withLock { $0[worker] = sum }
            }
            let expected = round * count * (count + 1) / 2
            #expect(totals.withLock { $0 } == Array(repeating: expected, count: count), "round \(round)")
        }
    }

    /// A smaller run after a larger one leaves the extra team threads out.
    @Test func fewerParticipantsThanThreads() {
        let team = WorkerTeam()
        let seen = Mutex<Set<Int>>([])
        team.run(4) { worker in seen.withLock { _ = $0.insert(worker) } }
        #expect(seen.withLock { $0 } == [0, 1, 2, 3])
        seen.withLock { $0 = [] }
        team.run(2) { worker in seen.withLock { _ = $0.insert(worker) } }
        #expect(seen.withLock { $0 } == [0, 1])
    }
}
