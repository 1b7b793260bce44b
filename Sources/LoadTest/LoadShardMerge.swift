import Foundation
import LabCore
import Transcripts

/// Joins the folders of a load test split with `chatlab load --shard K/N` into the folder one machine would have
/// written: the shards' tallies merged exactly (counts added, HDR histograms bucket by bucket), so every count,
/// percentile, rate per second and accuracy is that of all the messages together; the message logs joined; the
/// scorers' results added up; the thresholds judged again on the whole.
///
/// Everything is checked before anything is written: each folder must be a shard of the same test (same digest and
/// shard count), each shard present once.
public enum LoadShardMerge {
    /// Whether `folder` holds a load test shard's `load.json`.
    public static func isLoadShard(_ folder: String) -> Bool {
        let path = (folder as NSString).appendingPathComponent("load.json")
        return (try? LoadResults.read(path))?.shard != nil
    }

    /// Reads and checks the shards, then writes `messages.jsonl`, `load.json` and `load.xlsx` into `out`.
    public static func merge(folders: [String], out: String) throws -> LoadResults {
        var shards: [(folder: String, results: LoadResults, shard: LoadShard)] = []
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent("load.json")
            let results: LoadResults
            do { results = try LoadResults.read(path) } catch {
                throw LoadError(folder, "has no readable load.json (\(error))", fix: "Give the --out folders of 'chatlab load --shard K/N'.")
            }
            guard let shard = results.shard else {
                throw LoadError(folder, "is a load test that was not run as a shard", fix: "Merge only the folders of 'chatlab load --shard K/N'.")
            }
            if let first = shards.first {
                guard shard.digest == first.shard.digest, shard.count == first.shard.count else {
                    throw LoadError(folder, "is a shard of another load test than \(first.folder) (other settings, prompts, seed or shard count)",
                                    fix: "Merge the shards of one test only.")
                }
            }
            if let twin = shards.first(where: { $0.shard.index == shard.index }) {
                throw LoadError(folder, "is shard \(shard.index)/\(shard.count) again (also \(twin.folder))", fix: "Give each shard once.")
            }
            shards.append((folder, results, shard))
        }
        guard let first = shards.first else { throw LoadError("merge", "no shard folders given", fix: "Name the shards' folders.") }
        let missing = ShardSpec.missing(among: shards.map(\.shard.index), count: first.shard.count)
        guard missing.isEmpty else {
            throw LoadError("merge", "shard(s) \(missing.map { "\($0)/\(first.shard.count)" }.joined(separator: ", ")) missing",
                            fix: "Give the folders of all \(first.shard.count) shards.")
        }
        shards.sort { $0.shard.index < $1.shard.index }

        var tally = shards[0].shard.tally
        for other in shards.dropFirst() { tally.merge(other.shard.tally) }
        let users = shards.map(\.shard.users).reduce(0, +)
        let statistics = tally.statistics(users: users, seconds: shards.map(\.results.statistics.seconds).max() ?? 0)
        var settings = shards[0].results.settings
        settings["users"] = "\(users)"
        settings["shards"] = "\(first.shard.count), merged"
        let thresholds = try shards[0].results.thresholds.map { try LoadThreshold($0.threshold).check(statistics) }
        let quality = shards.compactMap(\.results.quality).reduce(nil as QualityResults?) { sum, next in
            sum.map { $0.adding(next) } ?? next
        }
        let results = LoadResults(settings: settings, statistics: statistics, thresholds: thresholds, quality: quality,
                                  messageLog: "messages.jsonl")

        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let log = (out as NSString).appendingPathComponent("messages.jsonl")
        let temporary = AtomicFile.temporaryName(for: log)
        FileManager.default.createFile(atPath: temporary, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        for shard in shards {
            // In pieces of 1 MiB: a long test's logs need not fit in memory.
            let part = (shard.folder as NSString).appendingPathComponent(shard.results.messageLog ?? "messages.jsonl")
            let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: part))
            while let piece = try reader.read(upToCount: 1 << 20), !piece.isEmpty { try handle.write(contentsOf: piece) }
            try reader.close()
        }
        try handle.close()
        try AtomicFile.rename(temporary, to: log)
        try results.write(to: (out as NSString).appendingPathComponent("load.json"))
        try LoadWorkbook.write(results, to: (out as NSString).appendingPathComponent("load.xlsx"))
        return results
    }
}
