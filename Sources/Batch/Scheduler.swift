import Foundation
import Transcripts

/// Runs a matrix's batches on their slots in the foreground, one scheduler per database.
///
/// The schedule (start, interval, slot count, missed-slot policy) is written to the database when it first starts;
/// a restarted scheduler reads it back and goes on from the first slot without a finished batch (a batch killed
/// midway is resumed). Slots whose time passed while no scheduler ran are caught up one after another, or skipped
/// (all but the latest) and recorded as skipped. It returns after the last slot.
public struct Scheduler: Sendable {
    public let session: BatchSession
    public let settings: ScheduleSettings
    /// Waits the given seconds (tests and the CLI pass `Task.sleep`).
    public let sleep: @Sendable (Double) async throws -> Void

    public init(session: BatchSession, settings: ScheduleSettings,
                sleep: @escaping @Sendable (Double) async throws -> Void = { seconds in
                    try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
                }) {
        self.session = session
        self.settings = settings
        self.sleep = sleep
    }

    /// What the scheduler did, told as it happens.
    public enum Event: Sendable {
        /// The schedule was started now, or found in the database and resumed.
        case started(startedAt: Double, resumed: Bool, firstSlot: Int)
        case waiting(slot: Int, until: Double)
        case ran(slot: Int, BatchSession.Report)
        case skipped(slot: Int)
    }

    /// The batch id of a slot.
    public func batchID(slot: Int) -> String { "\(session.matrix.name)#slot-\(slot)" }

    /// Runs the remaining slots; with `once`, only those already due, without waiting (what a systemd timer or cron
    /// line runs: each firing catches the schedule up, and after the last slot it does nothing).
    /// - Throws: ``BatchError/schedulerRunning(path:pid:)`` when another scheduler holds the database,
    ///   ``BatchError/scheduleMismatch(path:reason:)`` when the database's schedule has other settings.
    public func run(once: Bool = false, events: @escaping @Sendable (Event) -> Void = { _ in }) async throws {
        let lock = try Self.lock(session.store.path)
        defer { withExtendedLifetime(lock) {} }
        let store = session.store
        let matrix = session.matrix.name
        let now = session.services.now
        var resumed = true
        let schedule: ScheduleRow
        if let saved = try await store.schedule(matrix: matrix) {
            guard abs(saved.every - settings.every) < 1e-6, saved.count == settings.count else {
                throw BatchError.scheduleMismatch(
                    path: store.path, reason: "the database holds a schedule of '\(matrix)' with a slot every "
                        + "\(DurationText.format(saved.every)) for \(saved.count) slots, not every "
                        + "\(DurationText.format(settings.every)) for \(settings.count)")
            }
            schedule = saved
        } else {
            resumed = false
            schedule = ScheduleRow(matrix: matrix, startedAt: now(), every: settings.every, count: settings.count,
                                   missed: settings.missed.rawValue)
            try await store.save(schedule)
        }
        let ended = Set(try await store.batches(matrix: matrix).filter { $0.status != .running }.compactMap(\.slot))
        let remaining = (0..<schedule.count).filter { !ended.contains($0) }
        events(.started(startedAt: schedule.startedAt, resumed: resumed, firstSlot: remaining.first ?? schedule.count))
        for slot in remaining {
            let due = schedule.startedAt + Double(slot) * schedule.every
            let nextDue = due + schedule.every
            if now() >= nextDue, slot < schedule.count - 1, settings.missed == .skip {
                try await store.recordSkipped(BatchRow(
                    id: batchID(slot: slot), matrix: matrix, slot: slot, planned: 0, startedAt: due, status: .skipped))
                events(.skipped(slot: slot))
                continue
            }
            if now() < due {
                if once { return }
                events(.waiting(slot: slot, until: due))
                try await sleep(due - now())
            }
            let report = try await session.run(id: batchID(slot: slot), slot: slot)
            events(.ran(slot: slot, report))
        }
    }

    /// Locks `<database>.scheduler.lock` beside the database.
    static func lock(_ database: String) throws -> FolderLock {
        let url = URL(fileURLWithPath: database)
        let folder = url.deletingLastPathComponent().path
        do {
            return try FolderLock(folder: folder, lockName: url.lastPathComponent + ".scheduler.lock")
        } catch LabError.folderInUse(_, let pid) {
            throw BatchError.schedulerRunning(path: database, pid: pid)
        }
    }
}
