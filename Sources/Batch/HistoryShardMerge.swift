import LabCore

/// Joins the history files of a batch split with `chatlab batch --shard K/N` (each machine writes its own SQLite
/// file: SQLite's locks are not to be trusted on the network file systems clusters share) into one history, as if
/// one machine had run the batch: one row per batch (its planned answers added up, started when the first part
/// started, ended when the last ended) and every part's answers.
///
/// Everything is checked first: each file must hold only shard rows, each batch all of its parts `1/N...N/N` once,
/// every part finished.
public enum HistoryShardMerge {
    /// Merges `files` into the history at `out`; returns the merged batch rows.
    public static func merge(files: [String], into out: String) async throws -> [BatchRow] {
        var parts: [String: [(file: String, spec: ShardSpec, row: BatchRow)]] = [:]
        var answers: [AnswerRecord] = []
        for file in files {
            let store = try HistoryStore(path: file)
            for row in try await store.batches() {
                guard let text = row.shard, let spec = try? ShardSpec(parsing: text, environment: [:]) else {
                    throw BatchError.badShards(file: file, reason: "batch \(row.id) was not run as a shard",
                                               fix: "Merge only the histories of 'chatlab batch --shard K/N'.")
                }
                if let twin = parts[row.id]?.first(where: { $0.spec.index == spec.index }) {
                    throw BatchError.badShards(file: file, reason: "holds part \(text) of batch \(row.id) again (also in \(twin.file))",
                                               fix: "Give each shard's history once.")
                }
                if let other = parts[row.id]?.first, other.spec.count != spec.count || other.row.matrix != row.matrix {
                    throw BatchError.badShards(file: file, reason: "splits batch \(row.id) differently from \(other.file)",
                                               fix: "Merge the parts of one split only.")
                }
                guard row.status != .running else {
                    throw BatchError.badShards(file: file, reason: "part \(text) of batch \(row.id) did not finish",
                                               fix: "Run that shard again (it resumes), then merge.")
                }
                parts[row.id, default: []].append((file, spec, row))
            }
            answers += try await store.answers()
        }
        guard !parts.isEmpty else {
            throw BatchError.badShards(file: files.first ?? "merge", reason: "no batch to merge", fix: "Name the shards' history files.")
        }
        var merged: [BatchRow] = []
        for id in parts.keys.sorted() {
            let rows = parts[id]!
            let count = rows[0].spec.count
            let missing = ShardSpec.missing(among: rows.map(\.spec.index), count: count)
            guard missing.isEmpty else {
                throw BatchError.badShards(
                    file: rows[0].file, reason: "batch \(id) lacks part(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))",
                    fix: "Give the histories of all \(count) shards.")
            }
            var row = rows[0].row
            row.shard = nil
            row.planned = rows.map(\.row.planned).reduce(0, +)
            row.startedAt = rows.map(\.row.startedAt).min()!
            row.finishedAt = rows.compactMap(\.row.finishedAt).max()
            row.status = rows.allSatisfy { $0.row.status == .complete } ? .complete : .budget
            merged.append(row)
        }
        try await HistoryStore(path: out).add(batches: merged, answers: answers)
        return merged
    }
}
