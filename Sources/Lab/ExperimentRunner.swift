import Foundation
import LabCore
import Logging

/// Runs a whole experiment: creates the report folder, runs the conversations (`concurrency` at a time) while
/// writing transcripts, then analyses them and writes the reports. `resume` finishes an interrupted experiment.
public struct ExperimentRunner: Sendable {
    public let experiment: Experiment
    public let logger: Logger
    public let toolVersion: String

    public init(experiment: Experiment, logger: Logger, toolVersion: String = ChatLabVersion.current) {
        self.experiment = experiment
        self.logger = logger
        self.toolVersion = toolVersion
    }

    /// Runs into a new folder under the experiment's `report.out`, or into `folder` when given.
    @discardableResult
    public func run(
        into folder: ReportFolder? = nil, progress: @escaping @Sendable (LabProgress) -> Void = { _ in }
    ) async throws -> (folder: ReportFolder, analysis: Analysis) {
        let started = Date()
        let probes = try ProbePreparation.prepare(experiment)
        let folder = try folder.map { try $0.createDirectories(); return $0 }
            ?? ReportFolder.create(parent: experiment.report.out, name: experiment.name, date: started)
        let info = ExperimentInfo(
            name: experiment.name, seed: experiment.seed, runs: experiment.runs, rounds: experiment.rounds,
            chatters: Dictionary(uniqueKeysWithValues: Seat.allCases.map { ($0.description, experiment.chatter($0).label) }),
            underTest: experiment.underTest, configText: experiment.configText, configPath: experiment.configPath,
            toolVersion: toolVersion, started: started)
        do {
            try experiment.configText.write(toFile: folder.config, atomically: true, encoding: .utf8)
        } catch {
            throw LabError.cannotWrite(path: folder.config, reason: error.localizedDescription)
        }
        try ExperimentRecord.write(info, to: folder.experiment)
        try probes?.write(to: folder.probes)
        logger.info("experiment \(experiment.name) started in \(folder.path), seed \(experiment.seed)")
        return try await finish(info: info, probes: probes, folder: folder, progress: progress)
    }

    /// Finishes the experiment in `folder` after a crash or kill: the runs recorded as completed are kept as they
    /// are; every other run is run again from its start with the same seed, replacing any partial transcript.
    /// `experiment` must be loaded from the folder's `config.yaml` (see ``Resumption``).
    public func resume(
        folder: ReportFolder, info: ExperimentInfo, probes: ProbeRecord?,
        progress: @escaping @Sendable (LabProgress) -> Void = { _ in }
    ) async throws -> (folder: ReportFolder, analysis: Analysis) {
        logger.info("resuming \(folder.path): runs \(info.completedRuns.sorted()) were complete")
        return try await finish(info: info, probes: probes, folder: folder, progress: progress)
    }

    private func finish(
        info: ExperimentInfo, probes: ProbeRecord?, folder: ReportFolder,
        progress: @escaping @Sendable (LabProgress) -> Void
    ) async throws -> (folder: ReportFolder, analysis: Analysis) {
        let book = RunBook(info: info, path: folder.experiment)
        let remaining = (1...experiment.runs).filter { !info.completedRuns.contains($0) }
        progress(.started(folder: folder.path, runs: experiment.runs, done: experiment.runs - remaining.count))
        var transcripts: [Int: Transcript] = [:]
        for run in info.completedRuns {
            transcripts[run] = try TranscriptReader.read(path: folder.transcript(run: run), run: run)
        }
        let conversation = ConversationRunner(experiment: experiment, logger: logger)
        try await withThrowingTaskGroup(of: Transcript.self) { group in
            var queue = remaining[...]
            func startNext() {
                guard let run = queue.popFirst() else { return }
                group.addTask {
                    try await Self.runOne(run, conversation, probes?.plan(run: run), folder, book, progress)
                }
            }
            for _ in 0..<experiment.concurrency { startNext() }
            for try await transcript in group {
                transcripts[transcript.run] = transcript
                startNext()
            }
        }
        let finished = try await book.finish()
        progress(.analyzing)
        let ordered = (1...experiment.runs).compactMap { transcripts[$0] }
        let analysis = try Reanalysis.report(ordered, info: finished, experiment: experiment, probes: probes, folder: folder)
        return (folder, analysis)
    }

    private static func runOne(
        _ run: Int, _ conversation: ConversationRunner, _ plan: ProbePlan?, _ folder: ReportFolder, _ book: RunBook,
        _ progress: @escaping @Sendable (LabProgress) -> Void
    ) async throws -> Transcript {
        let clock = ContinuousClock()
        let start = clock.now
        let writer = try TranscriptWriter(path: folder.transcript(run: run), replacing: true)
        let transcript = try await conversation.run(run, plan: plan) { turn in
            try writer.append(turn)
            progress(.turn(run: run, round: turn.round, failed: turn.error != nil))
        }
        let seconds = (clock.now - start).seconds
        try await book.complete(run, seconds: seconds)
        progress(.runFinished(
            run: run, turns: transcript.turns.count, errors: transcript.turns.filter { $0.error != nil }.count,
            seconds: seconds))
        return transcript
    }
}

/// Keeps `experiment.json` up to date as runs complete, so a killed experiment knows where to resume.
actor RunBook {
    private var info: ExperimentInfo
    private let path: String

    init(info: ExperimentInfo, path: String) {
        self.info = info
        self.path = path
    }

    func complete(_ run: Int, seconds: Double) throws {
        info.completedRuns.append(run)
        info.runSeconds[String(run)] = seconds
        try ExperimentRecord.write(info, to: path)
    }

    func finish() throws -> ExperimentInfo {
        info.ended = Date()
        try ExperimentRecord.write(info, to: path)
        return info
    }
}
