import Foundation
import GRDB

/// The batch history: a SQLite database (WAL) with one row per batch and one per answer.
///
/// Every answer is committed on its own as it arrives, so a process killed mid-batch loses only the answers in
/// flight; running the batch again finds the answers already there and asks only the rest (the key batch +
/// provider + model + question is unique, so nothing is stored twice).
public struct HistoryStore: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (or creates) the database and brings its schema up to date.
    /// - Throws: ``BatchError/database(path:reason:)``.
    public init(path: String) throws {
        self.path = path
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            pool = try DatabasePool(path: path, configuration: configuration)
            try HistorySchema.migrator.migrate(pool)
        } catch {
            throw BatchError.database(path: path, reason: Self.reason(error))
        }
    }

    /// Starts a batch, or finds it to resume: the batch row and the answers it already holds.
    public func begin(_ batch: BatchRow) async throws -> (row: BatchRow, done: [AnswerRecord]) {
        try await guarded {
            try await pool.write { db in
                if let existing = try BatchRow.fetchOne(db, key: batch.id) {
                    let done = try AnswerRecord.filter(Column("batch") == batch.id).order(Column("position")).fetchAll(db)
                    return (existing, done)
                }
                try batch.insert(db)
                return (batch, [])
            }
        }
    }

    /// Commits one answer; a second answer with the same key is ignored.
    public func store(_ answer: AnswerRecord) async throws {
        try await guarded { try await pool.write { db in try answer.insert(db, onConflict: .ignore) } }
    }

    /// Records how a batch ended.
    public func finish(batch id: String, status: BatchRow.Status, at time: Double) async throws {
        try await guarded {
            try await pool.write { db in
                try db.execute(
                    sql: "UPDATE batches SET status = ?, finished_at = ? WHERE id = ?",
                    arguments: [status.rawValue, time, id])
            }
        }
    }

    /// Records a slot the scheduler skipped.
    public func recordSkipped(_ batch: BatchRow) async throws {
        try await guarded { try await pool.write { db in try batch.insert(db, onConflict: .ignore) } }
    }

    /// The matrix's newest batch that did not finish (killed midway), if any.
    public func unfinishedBatch(matrix: String) async throws -> BatchRow? {
        try await guarded {
            try await pool.read { db in
                try BatchRow.filter(Column("matrix") == matrix && Column("status") == "running")
                    .order(Column("started_at").desc).fetchOne(db)
            }
        }
    }

    /// Batches, oldest first (of one matrix when given).
    public func batches(matrix: String? = nil) async throws -> [BatchRow] {
        try await guarded {
            try await pool.read { db in
                var request = BatchRow.order(Column("started_at"), Column("id"))
                if let matrix { request = request.filter(Column("matrix") == matrix) }
                return try request.fetchAll(db)
            }
        }
    }

    /// The answers of a slice, in the order they were sent.
    public func answers(_ slice: HistorySlice = HistorySlice()) async throws -> [AnswerRecord] {
        try await guarded {
            try await pool.read { db in
                var request = AnswerRecord.order(Column("started_at"), Column("batch"), Column("position"))
                if let since = slice.since { request = request.filter(Column("started_at") >= since) }
                if !slice.models.isEmpty { request = request.filter(slice.models.contains(Column("model"))) }
                if let matrix = slice.matrix {
                    request = request.filter(sql: "batch IN (SELECT id FROM batches WHERE matrix = ?)", arguments: [matrix])
                }
                return try request.fetchAll(db)
            }
        }
    }

    /// Adds merged batch rows and their answers in one transaction (see ``HistoryShardMerge``); a batch id already
    /// here is refused.
    func add(batches: [BatchRow], answers: [AnswerRecord]) async throws {
        try await guarded {
            try await pool.write { db in
                for batch in batches {
                    if try BatchRow.fetchOne(db, key: batch.id) != nil {
                        throw BatchError.badShards(file: path, reason: "already holds batch \(batch.id)",
                                                   fix: "Merge into a new database, or one without that batch.")
                    }
                    try batch.insert(db)
                }
                for answer in answers { try answer.insert(db, onConflict: .ignore) }
            }
        }
    }

    func schedule(matrix: String) async throws -> ScheduleRow? {
        try await guarded { try await pool.read { db in try ScheduleRow.fetchOne(db, key: matrix) } }
    }

    func save(_ schedule: ScheduleRow) async throws {
        try await guarded { try await pool.write { db in try schedule.save(db) } }
    }

    private func guarded<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as BatchError { throw error } catch {
            throw BatchError.database(path: path, reason: Self.reason(error))
        }
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
