import Foundation
import LabCore
import Logging
import Transcripts

/// Runs a whole experiment: creates the report folder, runs the conversations (`concurrency` at a time) while
/// writing transcripts and conversation records, then analyses them and writes the reports. `resume` finishes an
/// interrupted experiment.
public struct ExperimentRunner: Sendable {
    public let experiment: Experiment
    public let logger: Logger
    public let toolVersion: String
    public let clock: any LabClock

    public init(
        experiment: Experiment, logger: Logger, toolVersion: String = ChatLabVersion.current,
        clock: any LabClock = SystemClock()
    ) {
        self.experiment = experiment
        self.logger = logger
        self.toolVersion = toolVersion
        self.clock = clock
    }

    /// Runs into a new folder under the experiment's `report.out`, or into `folder` when given (which must not exist
    /// or be empty; with `clearing`, a folder ChatLab wrote is emptied once it is locked). The folder is locked
    /// (``FolderLock``) until the reports are written.
    /// - Returns: the folder and the analysis, its runs summarized (``RunAnalysis/summarized()``).
    /// - Throws: ``LabError/folderNotEmpty(path:)`` for a given folder that has files, ``LabError/folderInUse(path:pid:)``
    ///   when another process writes it, and the errors of writing and running.
    @discardableResult
    public func run(
        into folder: ReportFolder? = nil, clearing: Bool = false,
        progress: @escaping @Sendable (LabProgress) -> Void = { _ in }
    ) async throws -> (folder: ReportFolder, analysis: Analysis) {
        let started = try start(
            into: folder, clearing: clearing, execution: nil, name: experiment.name, progress: progress)
        defer { withExtendedLifetime(started.lock) {} }
        let finished = try await finish(
            info: started.info, probes: started.probes, folder: started.folder, runs: Array(1...experiment.runs),
            progress: progress)
        let analysis = try await report(info: finished, probes: started.probes, folder: started.folder, progress: progress)
        return (started.folder, analysis)
    }

    /// Runs shard `shard` only: the runs ``ShardSpec/items(of:)`` gives it, each with the seed and conversation id
    /// it has in a single-machine run, into a new shard folder (as ``run(into:clearing:progress:)`` makes one)
    /// holding the config, the experiment record, the probe plans, its runs' transcripts and conversation records,
    /// and its ``ShardManifest``; no reports (`chatlab merge` computes them from all shards).
    /// - Returns: the shard folder.
    @discardableResult
    public func runShard(
        _ shard: ShardSpec, into folder: ReportFolder? = nil, clearing: Bool = false,
        progress: @escaping @Sendable (LabProgress) -> Void = { _ in }
    ) async throws -> ReportFolder {
        let digest = ShardManifest.digest(experiment.configText)
        let execution = experiment.sessionID ?? ExecutionID.shared(
            digest: digest, seed: experiment.seed, runs: experiment.runs, rounds: experiment.rounds, shards: shard.count)
        let name = "\(experiment.name)-shard-\(shard.index)-of-\(shard.count)"
        let started = try start(into: folder, clearing: clearing, execution: execution, name: name, progress: progress)
        defer { withExtendedLifetime(started.lock) {} }
        let manifest = ShardManifest(info: started.info, shard: shard, execution: execution)
        try manifest.write(to: started.folder)
        logger.info("shard \(shard) of \(experiment.name): runs \(manifest.shardRuns)")
        _ = try await finish(
            info: started.info, probes: started.probes, folder: started.folder, runs: manifest.shardRuns,
            progress: progress)
        return started.folder
    }

    /// Creates and locks the folder (`folder`, else `<report.out>/<name>-<time>`), and writes the config, the
    /// experiment record and the probe plans.
    private func start(
        into folder: ReportFolder?, clearing: Bool, execution: String?, name: String,
        progress: @escaping @Sendable (LabProgress) -> Void
    ) throws -> (folder: ReportFolder, lock: FolderLock, info: ExperimentInfo, probes: ProbeRecord?) {
        let started = clock.now()
        let preparation = try ProbePreparation.prepare(experiment)
        let created = try folder.map { try ReportFolder.claim(path: $0.path, clearing: clearing) }.map { ($0.folder, $0.lock, [String]()) }
            ?? ReportFolder.create(parent: experiment.report.out, name: name, date: started)
        let (folder, lock) = (created.0, created.1)
        created.2.forEach { progress(.warning($0)) }
        let info = ExperimentInfo(
            name: experiment.name, seed: experiment.seed, runs: experiment.runs, rounds: experiment.rounds,
            chatters: Dictionary(uniqueKeysWithValues: Seat.allCases.map { ($0.description, experiment.chatter($0).label) }),
            underTest: experiment.underTest, configText: experiment.configText, configPath: experiment.configPath,
            toolVersion: toolVersion, started: started,
            execution: execution ?? experiment.sessionID ?? ExecutionID.random())
        try AtomicFile.write(Data(experiment.configText.utf8), to: folder.config)
        try ExperimentRecord.write(info, to: folder.experiment)
        let probes = try preparation?.write(to: folder)
        logger.info("experiment \(experiment.name) started in \(folder.path), seed \(experiment.seed), execution \(info.execution ?? "-")")
        return (folder, lock, info, probes)
    }

    /// Finishes the experiment in `folder` after a crash or kill, holding the folder's lock, after removing what the
    /// killed process left half written (see ``Leftovers``): the runs whose conversation was recorded as ended
    /// (or, in folders of older versions, listed as completed in `experiment.json`) are kept as they are; a run that
    /// was cut short continues from its saved turns where its chatters allow it (``SavedConversation``), else it is
    /// run again from its start with the same seed, replacing its partial transcript; each is told to `progress`.
    /// `experiment` must be loaded from the folder's `config.yaml` (see ``Resumption``).
    public func resume(
        folder: ReportFolder, info: ExperimentInfo, probes: ProbeRecord?,
        progress: @escaping @Sendable (LabProgress) -> Void = { _ in }
    ) async throws -> (folder: ReportFolder, analysis: Analysis) {
        let lock = try folder.lock()
        defer { withExtendedLifetime(lock) {} }
        for path in Leftovers.remove(in: folder) { logger.info("removed \(path), left by an interrupted run") }
        logger.info("resuming \(folder.path): runs \(Self.completedRuns(folder, info)) were complete")
        let finished = try await finish(
            info: info, probes: probes, folder: folder, runs: Array(1...experiment.runs), resuming: true,
            progress: progress)
        return (folder, try await report(info: finished, probes: probes, folder: folder, progress: progress))
    }

    /// Finishes the shard in `folder` (its ``ShardManifest`` read by the caller) as ``resume(folder:info:probes:progress:)``
    /// finishes an experiment, running only the shard's runs, and writes no reports.
    public func resumeShard(
        folder: ReportFolder, info: ExperimentInfo, probes: ProbeRecord?, manifest: ShardManifest,
        progress: @escaping @Sendable (LabProgress) -> Void = { _ in }
    ) async throws {
        let lock = try folder.lock()
        defer { withExtendedLifetime(lock) {} }
        for path in Leftovers.remove(in: folder) { logger.info("removed \(path), left by an interrupted run") }
        _ = try await finish(
            info: info, probes: probes, folder: folder, runs: manifest.shardRuns, resuming: true, progress: progress)
    }

    /// The runs of `folder` that need not run again.
    public static func completedRuns(_ folder: ReportFolder, _ info: ExperimentInfo) -> [Int] {
        Set(folder.recordedRuns()).union(info.completedRuns).sorted()
    }

    /// Runs those of `runs` not yet complete, then records the end time.
    private func finish(
        info: ExperimentInfo, probes: ProbeRecord?, folder: ReportFolder, runs: [Int], resuming: Bool = false,
        progress: @escaping @Sendable (LabProgress) -> Void
    ) async throws -> ExperimentInfo {
        let completed = Set(Self.completedRuns(folder, info))
        let remaining = runs.filter { !completed.contains($0) }
        progress(.started(folder: folder.path, runs: runs.count, done: runs.count - remaining.count))
        let conversation = ConversationRunner(
            experiment: experiment, logger: logger, clock: clock, execution: info.execution)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var queue = remaining[...]
            func startNext() {
                guard let run = queue.popFirst() else { return }
                let saved = resuming ? SavedConversation.load(run: run, folder: folder, experiment: experiment) : nil
                if let saved, !saved.turns.isEmpty || saved.restartReason != nil {
                    progress(.resumedRun(run: run, keptTurns: saved.turns.count, restartReason: saved.restartReason))
                }
                group.addTask {
                    try await Self.runOne(
                        run, conversation, try probes?.plan(run: run), folder, saved?.turns ?? [], progress)
                }
            }
            for _ in 0..<experiment.concurrency { startNext() }
            for try await _ in group { startNext() }
        }
        var finished = info
        finished.ended = clock.now()
        try ExperimentRecord.write(finished, to: folder.experiment)
        return finished
    }

    private func report(
        info: ExperimentInfo, probes: ProbeRecord?, folder: ReportFolder,
        progress: @escaping @Sendable (LabProgress) -> Void
    ) async throws -> Analysis {
        progress(.analyzing)
        return try await ReportPipeline(
            experiment: experiment, info: info, probes: probes, folder: folder, warn: { progress(.warning($0)) }
        ).report(runs: Array(1...experiment.runs))
    }

    /// Runs one conversation: its turns are appended to the transcript as they happen, and its record is written
    /// when it ends (which marks the run complete for `--resume`). With `saved` turns, the transcript is first
    /// rewritten to exactly those (dropping a last line cut short), and the conversation continues after them.
    private static func runOne(
        _ run: Int, _ conversation: ConversationRunner, _ plan: ProbePlan?, _ folder: ReportFolder, _ saved: [Turn],
        _ progress: @escaping @Sendable (LabProgress) -> Void
    ) async throws {
        let path = folder.transcript(run: run)
        if !saved.isEmpty {
            var lines = Data()
            for turn in saved { lines.append(try TranscriptWriter.line(turn)) }
            try AtomicFile.write(lines, to: path)
        }
        let writer = try TranscriptWriter(path: path, replacing: saved.isEmpty)
        let finished = try await conversation.run(run, plan: plan, saved: saved) { turn in
            try writer.append(turn)
            progress(.turn(run: run, round: turn.round, failed: turn.error != nil))
        }
        try folder.write(finished.record)
        progress(.runFinished(
            run: run, turns: finished.transcript.turns.count, errors: finished.record.errorCount,
            seconds: finished.record.seconds))
    }
}
