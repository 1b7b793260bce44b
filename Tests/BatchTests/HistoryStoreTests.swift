import Batch
import Foundation
import GRDB
import LabCore
import Testing
import TestSupport

/// The SQLite history: versioned schema, one row per answer with no duplicates, slices, exports, trends.
@Suite struct HistoryStoreTests {
    static func record(batch: String, model: String, question: String, at time: Double, latency: Double,
                       success: Bool = true, answer: String = "fine") -> AnswerRecord {
        let item = BatchPlan.Item(position: 0, provider: "p", model: BatchMatrix.Model(name: model),
                                  question: Question(id: question, text: "?", industry: "retail"))
        var record = AnswerRecord(batch: batch, item: item, startedAt: time)
        record.latency = latency
        record.success = success
        record.errorClass = success ? nil : "timeout"
        record.answer = answer
        record.keywordCoverage = 0.5
        return record
    }

    @Test func answersAreKeptOnceAndSlicedByTimeAndModel() async throws {
        let folder = try TemporaryDirectory()
        let store = try HistoryStore(path: folder.path("h/history.sqlite"))
        _ = try await store.begin(BatchRow(id: "b1", matrix: "m", slot: nil, planned: 4, startedAt: 100))
        try await store.store(Self.record(batch: "b1", model: "fast", question: "q1", at: 100, latency: 1))
        try await store.store(Self.record(batch: "b1", model: "fast", question: "q1", at: 101, latency: 9))
        try await store.store(Self.record(batch: "b1", model: "slow", question: "q1", at: 200, latency: 2))
        let all = try await store.answers()
        #expect(all.count == 2)
        #expect(all.first?.latency == 1, "the first answer of a key stays")
        #expect(try await store.answers(HistorySlice(since: 150)).map(\.model) == ["slow"])
        #expect(try await store.answers(HistorySlice(models: ["fast"])).count == 1)
        // Beginning the same batch again resumes it with what it holds.
        let resumed = try await store.begin(BatchRow(id: "b1", matrix: "m", slot: nil, planned: 4, startedAt: 300))
        #expect(resumed.done.count == 2 && resumed.row.startedAt == 100)
        #expect(try await store.unfinishedBatch(matrix: "m")?.id == "b1")
        try await store.finish(batch: "b1", status: .complete, at: 400)
        #expect(try await store.unfinishedBatch(matrix: "m") == nil)

        let queue = try DatabaseQueue(path: folder.path("h/history.sqlite"))
        let migrations = try await queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations == ["v1: batches, answers, schedules", "v2: the shard a batch row comes from"])
    }

    @Test func exportsQuoteFieldsAndNeutraliseFormulas() throws {
        let records = [
            Self.record(batch: "b", model: "m", question: "q1", at: 1, latency: 0.5, answer: "=HYPERLINK(\"x\"), then"),
            Self.record(batch: "b", model: "m", question: "q2", at: 2, latency: 0.7, success: false, answer: ""),
        ]
        let csv = String(decoding: HistoryExport.data(records, format: .csv), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("batch,provider,model,question,industry,position,started_at,latency,ttft,"))
        #expect(lines[1].hasSuffix(#","'=HYPERLINK(""x""), then""#))
        #expect(lines[2].contains(",false,timeout,"))
        let json = try JSONSerialization.jsonObject(with: HistoryExport.data(records, format: .json)) as! [[String: Any]]
        #expect(json.count == 2)
        #expect(json[1]["success"] as? Bool == false)
        #expect(json[0]["latency"] as? Double == 0.5)
        #expect(json[0]["ttft"] is NSNull)
    }

    @Test func theLastBatchIsComparedWithTheHistoryAndRegressionsAreFlagged() {
        var records: [AnswerRecord] = []
        for batch in 0..<3 {
            for question in 0..<10 {
                let slow = batch == 2
                records.append(Self.record(batch: "b\(batch)", model: "m", question: "q\(question)",
                                           at: Double(batch * 100 + question), latency: slow ? 3 : 1))
            }
        }
        let report = TrendReport(records)
        #expect(report.batches.map(\.id) == ["b0", "b1", "b2"])
        #expect(report.last?.history["m"]?.answers == 20)
        #expect(report.regressions.map(\.measure) == ["median latency s"])
        #expect(report.summaryLines().contains("REGRESSION m: median latency s 1.000 -> 3.000"))
        let steady = TrendReport(records.filter { $0.batch != "b2" })
        #expect(steady.regressions.isEmpty)
    }
}
