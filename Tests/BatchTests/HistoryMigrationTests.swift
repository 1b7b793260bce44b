@testable import Batch
import Foundation
import GRDB
import Testing
import TestSupport

/// A history written by the first schema is brought up to date when opened, its rows kept.
@Suite struct HistoryMigrationTests {
    @Test func aVersionOneHistoryGainsTheShardColumnAndKeepsItsBatches() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try HistorySchema.migrator.migrate(queue, upTo: "v1: batches, answers, schedules")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO batches (id, matrix, slot, planned, started_at, status) VALUES ('old', 'm', NULL, 3, 10, 'complete')
                """)
        }
        try queue.close()

        let store = try HistoryStore(path: path)
        let rows = try await store.batches()
        #expect(rows.map(\.id) == ["old"] && rows[0].shard == nil && rows[0].planned == 3)
        let check = try DatabaseQueue(path: path)
        let columns = try await check.read { try $0.columns(in: "batches").map(\.name) }
        #expect(columns.contains("shard"))
    }
}
