import Batch
import Foundation
import Testing
import TestSupport

/// The scheduler's missed-slot policies, on a clock the test sets (the batches go to `chatlab serve`'s echo bot).
@Suite(.serialized) struct SchedulerTests {
    /// A wall clock that stands still until the test moves it.
    final class TestClock: @unchecked Sendable {
        // @unchecked: `time` is only touched under `lock`.
        private let lock = NSLock()
        private var time = 1_000.0
        func now() -> Double { lock.withLock { time } }
        func set(_ value: Double) { lock.withLock { time = value } }
    }

    func slots(missed: ScheduleSettings.MissedSlots) async throws -> [Int: BatchRow.Status] {
        let server = try ServerProcess.chatlabServe(bot: "echo", extra: ["--model", "quick"])
        let folder = try TemporaryDirectory()
        let store = try HistoryStore(path: folder.path("h.sqlite"))
        let clock = TestClock()
        let matrix = ServedBatchTests.matrix(port: server.port, models: ["quick"], questions: 1)
        let services = BatchServices(environment: [:], now: { clock.now() })
        let settings = ScheduleSettings(every: 10, count: 4, missed: missed)
        let scheduler = Scheduler(session: BatchSession(matrix: matrix, store: store, services: services),
                                  settings: settings) { _ in Issue.record("--once never waits") }
        try await scheduler.run(once: true)
        // 35 s later slots 1, 2 and 3 are all due: 1 and 2 were missed.
        clock.set(1_035)
        try await scheduler.run(once: true)
        _ = server
        let batches = try await store.batches()
        return Dictionary(uniqueKeysWithValues: batches.map { ($0.slot!, $0.status) })
    }

    @Test func catchUpRunsEveryMissedSlot() async throws {
        #expect(try await slots(missed: .catchUp) == [0: .complete, 1: .complete, 2: .complete, 3: .complete])
    }

    @Test func skipRecordsTheMissedSlotsAndRunsTheLatest() async throws {
        #expect(try await slots(missed: .skip) == [0: .complete, 1: .skipped, 2: .skipped, 3: .complete])
    }

    @Test func aScheduleWithOtherSettingsIsRefused() async throws {
        let folder = try TemporaryDirectory()
        let store = try HistoryStore(path: folder.path("h.sqlite"))
        let matrix = ServedBatchTests.matrix(port: 1, models: ["quick"], questions: 1)
        let session = BatchSession(matrix: matrix, store: store, services: BatchServices(environment: [:], now: { 0 }))
        try await Scheduler(session: session, settings: ScheduleSettings(every: 10, count: 2)).run(once: true)
        await #expect(throws: BatchError.self) {
            try await Scheduler(session: session, settings: ScheduleSettings(every: 20, count: 2)).run(once: true)
        }
    }
}
