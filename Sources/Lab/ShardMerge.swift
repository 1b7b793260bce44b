import Foundation
import LabCore
import Transcripts

/// `chatlab merge`: joins the shard folders of one split experiment (``ShardManifest``) into the report folder a
/// single machine would have written, then computes its reports with the same pipeline as `chatlab run`.
///
/// The shards are checked first (same config digest, seed, runs, rounds, execution and N; each shard once; none
/// missing; every run finished), so nothing is written for a set that does not belong together. The output folder
/// then gets the first shard's config and probe sets, every run's probe plan, transcript and conversation record
/// copied byte for byte from the shard that ran it, an experiment record spanning the shards' start and end, and
/// the reports, scored in run order (so the order in which shards or runs finished does not matter).
public enum ShardMerge {
    /// Checks `shards` and writes the merged report folder `out` (new or empty; with `clearing`, a report folder
    /// ChatLab wrote is emptied first), holding its lock until the reports are written.
    /// - Parameter warn: told what is worth showing the user (a text cut to a cell's limit...).
    /// - Returns: the experiment as recorded, the checked manifests (in shard order) and the analysis.
    /// - Throws: ``ShardError`` naming the folder at fault; the errors of reading, writing and scoring.
    @discardableResult
    public static func merge(
        shards: [String], out: String, clearing: Bool = false, services: LabServices = LabServices(),
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> (experiment: Experiment, manifests: [ShardManifest], analysis: Analysis) {
        let checked = try check(shards.map(ReportFolder.init))
        let reference = checked[0].folder
        let recorded = try RecordedExperiment.load(
            reference, loader: ExperimentLoader(makesChatters: false, services: services))
        let claimed = try ReportFolder.claim(path: out, clearing: clearing)
        let folder = claimed.folder
        defer { withExtendedLifetime(claimed.lock) {} }
        var info = recorded.info
        let infos = try checked.map { try ExperimentRecord.read(from: $0.folder.experiment) }
        info.started = infos.map(\.started).min() ?? info.started
        info.ended = infos.contains { $0.ended == nil } ? nil : infos.compactMap(\.ended).max()
        info.completedRuns = []
        info.runSeconds = [:]
        try copy(reference.config, to: folder.config)
        try ExperimentRecord.write(info, to: folder.experiment)
        let hasProbes = FileManager.default.fileExists(atPath: reference.probes)
        if hasProbes {
            try makeFolder(folder.probePlans)
            try copy(reference.probes, to: folder.probes)
        }
        for shard in checked {
            for run in shard.manifest.shardRuns {
                if hasProbes { try copy(shard.folder.probePlan(run: run), to: folder.probePlan(run: run)) }
                try copy(shard.folder.transcript(run: run), to: folder.transcript(run: run))
                try copy(shard.folder.conversationRecord(run: run), to: folder.conversationRecord(run: run))
            }
        }
        let analysis = try await ReportPipeline(
            experiment: recorded.experiment, info: info, probes: try ProbeRecord.read(in: folder), folder: folder,
            warn: warn
        ).report(runs: Array(1...info.runs))
        return (recorded.experiment, checked.map(\.manifest), analysis)
    }

    /// The shards with their manifests, in shard order, once they are known to make one whole split.
    /// - Throws: ``ShardError``.
    public static func check(_ folders: [ReportFolder]) throws -> [(folder: ReportFolder, manifest: ShardManifest)] {
        guard !folders.isEmpty else { throw ShardError.noShards }
        let read = try folders.map { folder -> (folder: ReportFolder, manifest: ShardManifest) in
            guard let manifest = try ShardManifest.read(in: folder) else { throw ShardError.notAShard(path: folder.path) }
            guard manifest.format == ShardManifest.currentFormat else {
                throw ShardError.unknownFormat(path: folder.path, format: manifest.format)
            }
            return (folder, manifest)
        }
        let first = read[0]
        for shard in read.dropFirst() {
            let fields: [(String, String, String)] = [
                ("experiment name", shard.manifest.name, first.manifest.name),
                ("config digest", shard.manifest.configDigest, first.manifest.configDigest),
                ("seed", shard.manifest.seed, first.manifest.seed),
                ("number of runs", String(shard.manifest.runs), String(first.manifest.runs)),
                ("number of rounds", String(shard.manifest.rounds), String(first.manifest.rounds)),
                ("shard count N", String(shard.manifest.shard.count), String(first.manifest.shard.count)),
                ("execution id", shard.manifest.execution, first.manifest.execution),
            ]
            if let (field, found, expected) = fields.first(where: { $0.1 != $0.2 }) {
                throw ShardError.foreign(
                    path: shard.folder.path, field: field, found: found, expected: expected, reference: first.folder.path)
            }
        }
        let count = first.manifest.shard.count
        let byIndex = Dictionary(grouping: read, by: \.manifest.shard.index)
        if let (index, twice) = byIndex.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > 1 }) {
            throw ShardError.duplicate(index: index, count: count, paths: twice.map(\.folder.path))
        }
        let missing = ShardSpec.missing(among: byIndex.keys, count: count)
        guard missing.isEmpty else { throw ShardError.missing(indexes: missing, count: count) }
        let ordered = read.sorted { $0.manifest.shard.index < $1.manifest.shard.index }
        for shard in ordered {
            guard shard.manifest.shardRuns == shard.manifest.shard.items(of: shard.manifest.runs) else {
                throw ShardError.wrongRuns(path: shard.folder.path, index: shard.manifest.shard.index, count: count)
            }
            let recorded = Set(shard.folder.recordedRuns())
            let unfinished = shard.manifest.shardRuns.filter { !recorded.contains($0) }
            guard unfinished.isEmpty else { throw ShardError.incomplete(path: shard.folder.path, runs: unfinished) }
        }
        return ordered
    }

    /// Copies a file byte for byte, through a temporary name renamed into place.
    private static func copy(_ source: String, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw LabError.missingFile(path: source, hint: "The shard folder is incomplete; run that shard again.")
        }
        try AtomicFile.write(data, to: path)
    }

    private static func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw LabError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
