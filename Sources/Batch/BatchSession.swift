import Foundation
import LabCore

/// Runs one batch of a matrix into the history: starts (or resumes) its batch row, asks what is missing, commits
/// each answer as it comes, and records how the batch ended.
public struct BatchSession: Sendable {
    public let matrix: BatchMatrix
    public let store: HistoryStore
    public let services: BatchServices

    public init(matrix: BatchMatrix, store: HistoryStore, services: BatchServices) {
        self.matrix = matrix
        self.store = store
        self.services = services
    }

    /// What a finished run of a batch reports.
    public struct Report: Sendable, Hashable {
        public var batch: String
        /// Answers already in the history when this run started (a resumed batch).
        public var resumed: Int
        public var outcome: BatchRunner.Outcome
        public var status: BatchRow.Status
    }

    /// A new batch id for a batch run by hand: the matrix name and the UTC time.
    public func newBatchID() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "\(matrix.name)@\(formatter.string(from: Date(timeIntervalSince1970: services.now())))"
    }

    /// The id of the matrix's unfinished batch (to resume), else a new one.
    public func nextBatchID() async throws -> String {
        try await store.unfinishedBatch(matrix: matrix.name)?.id ?? newBatchID()
    }

    /// Runs (or resumes) batch `id`; a batch that already ended is reported, not run again.
    /// - Parameter answered: called after each answer is committed.
    /// - Parameter shard: run only this machine's part of the batch (see ``BatchRunner/run(batch:slot:done:shard:store:)``);
    ///   its row records the part and plans only its answers, and `chatlab merge` joins the parts.
    public func run(id: String, slot: Int? = nil, shard: ShardSpec? = nil,
                    answered: @escaping @Sendable (AnswerRecord) -> Void = { _ in }) async throws -> Report {
        let planned = shard.map { $0.items(of: matrix.answersPerBatch).count } ?? matrix.answersPerBatch
        let (row, done) = try await store.begin(BatchRow(
            id: id, matrix: matrix.name, slot: slot, planned: planned, startedAt: services.now(),
            shard: shard.map { "\($0.index)/\($0.count)" }))
        guard row.status == .running else {
            var outcome = BatchRunner.Outcome()
            outcome.failed = done.filter { !$0.success }.count
            return Report(batch: id, resumed: done.count, outcome: outcome, status: row.status)
        }
        let store = store
        let outcome = try await BatchRunner(matrix: matrix, services: services).run(
            batch: id, slot: slot, done: done, shard: shard
        ) { record in
            try await store.store(record)
            answered(record)
        }
        let status: BatchRow.Status = outcome.stoppedByBudget ? .budget : .complete
        try await store.finish(batch: id, status: status, at: services.now())
        return Report(batch: id, resumed: done.count, outcome: outcome, status: status)
    }
}
