/// Why `chatlab merge` refuses a set of shard folders; each message names the folder (or shard) at fault and what
/// to do.
public enum ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A folder without `shard.json`.
    case notAShard(path: String)
    /// A manifest of another layout version.
    case unknownFormat(path: String, format: Int)
    /// A shard of another experiment (or another split of it): `field` differs from the first shard's.
    case foreign(path: String, field: String, found: String, expected: String, reference: String)
    /// Two folders hold the same shard.
    case duplicate(index: Int, count: Int, paths: [String])
    /// Shards of the split that no folder holds.
    case missing(indexes: [Int], count: Int)
    /// A shard whose manifest lists runs other than its share.
    case wrongRuns(path: String, index: Int, count: Int)
    /// A shard whose runs did not all finish (no conversation record).
    case incomplete(path: String, runs: [Int])
    /// No shard folder given.
    case noShards

    public var description: String {
        switch self {
        case .notAShard(let path):
            return "\(path): error: not a shard folder (no \(ShardManifest.fileName)). Give the folders that "
                + "'chatlab run --shard K/N' wrote."
        case .unknownFormat(let path, let format):
            return "\(path): error: \(ShardManifest.fileName) has format \(format); this chatlab merges format "
                + "\(ShardManifest.currentFormat). Merge with the chatlab version that ran the shards."
        case .foreign(let path, let field, let found, let expected, let reference):
            return "\(path): error: this shard does not belong with \(reference): its \(field) is \(found), not "
                + "\(expected). Merge only the shards of one 'chatlab run --shard' split (same config, seed, runs, "
                + "rounds and N)."
        case .duplicate(let index, let count, let paths):
            return "error: shard \(index)/\(count) is given twice: \(paths.joined(separator: " and ")). Give each "
                + "shard's folder once."
        case .missing(let indexes, let count):
            let list = indexes.prefix(20).map { "\($0)/\(count)" }.joined(separator: ", ")
            return "error: shard\(indexes.count == 1 ? "" : "s") \(list)\(indexes.count > 20 ? " ..." : "") "
                + "\(indexes.count == 1 ? "is" : "are") missing (\(indexes.count) of \(count)). Run "
                + "'chatlab run CONFIG --shard K/\(count)' for \(indexes.count == 1 ? "it" : "each") and give its "
                + "folder too."
        case .wrongRuns(let path, let index, let count):
            return "\(path): error: \(ShardManifest.fileName) lists runs that are not shard \(index)/\(count)'s; "
                + "the manifest was edited. Run that shard again."
        case .incomplete(let path, let runs):
            let list = runs.prefix(20).map(String.init).joined(separator: ", ")
            return "\(path): error: run\(runs.count == 1 ? "" : "s") \(list)\(runs.count > 20 ? " ..." : "") of "
                + "this shard did not finish. Finish it with 'chatlab run --resume \(path)', then merge again."
        case .noShards:
            return "error: no shard folders given. Example: chatlab merge shards/shard-* --out reports/merged"
        }
    }
}
