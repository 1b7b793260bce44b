import Digest
import Foundation
import LabCore
import Transcripts

/// `shard.json`: what a shard folder (`chatlab run --shard K/N`) is a slice of, so `chatlab merge` can check that
/// shards belong together before it joins them.
///
/// Written when the shard starts, before its first turn. A shard folder is a report folder holding only its own
/// runs' transcripts and conversation records (no reports: numbers are computed once, at the merge).
public struct ShardManifest: Codable, Sendable, Hashable {
    /// The file name inside the shard folder.
    public static let fileName = "shard.json"
    /// The layout version; a merge refuses manifests of another version.
    public static let currentFormat = 1

    public var format: Int
    /// The experiment's name.
    public var name: String
    /// SHA-256 of the config text as recorded in `config.yaml`.
    public var configDigest: String
    /// The experiment seed (text: a 64-bit number does not survive every JSON reader).
    public var seed: String
    /// Runs and rounds of the whole experiment (after `--runs`, `--rounds`).
    public var runs: Int
    public var rounds: Int
    /// The execution id every shard shares (see ``ExecutionID/shared(digest:seed:runs:rounds:shards:)``).
    public var execution: String
    /// This shard (`index` of `count`).
    public var shard: ShardSpec
    /// The run numbers this shard holds, ascending: ``ShardSpec/items(of:)``.
    public var shardRuns: [Int]

    /// The manifest of shard `shard` of the experiment `info` records.
    public init(info: ExperimentInfo, shard: ShardSpec, execution: String) {
        format = Self.currentFormat
        name = info.name
        configDigest = Self.digest(info.configText)
        seed = String(info.seed)
        runs = info.runs
        rounds = info.rounds
        self.execution = execution
        self.shard = shard
        shardRuns = shard.items(of: info.runs)
    }

    /// The digest a manifest records for a config text.
    public static func digest(_ configText: String) -> String { SHA256.hex(Array(configText.utf8)) }

    /// The manifest's path in `folder`.
    public static func path(in folder: ReportFolder) -> String { "\(folder.path)/\(fileName)" }

    public func write(to folder: ReportFolder) throws {
        try RecordFile.write(self, to: Self.path(in: folder))
    }

    /// The manifest of `folder`; `nil` when it has none (not a shard folder).
    /// - Throws: ``LabError/badRecord(path:reason:)`` for a damaged manifest.
    public static func read(in folder: ReportFolder) throws -> ShardManifest? {
        try RecordFile.read(ShardManifest.self, from: path(in: folder), what: "a shard manifest")
    }
}
