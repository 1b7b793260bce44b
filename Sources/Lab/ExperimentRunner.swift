import Foundation
import LabCore
import Logging

/// Runs a whole experiment: creates the report folder, runs every conversation while writing transcripts, then
/// analyses them and writes the reports.
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
        into folder: ReportFolder? = nil, progress: @Sendable (LabProgress) -> Void = { _ in }
    ) async throws -> (folder: ReportFolder, analysis: Analysis) {
        let started = Date()
        let probes = try ProbePreparation.prepare(experiment)
        let folder = try folder.map { try $0.createDirectories(); return $0 }
            ?? ReportFolder.create(parent: experiment.report.out, name: experiment.name, date: started)
        var info = ExperimentInfo(
            name: experiment.name, seed: experiment.seed, runs: experiment.runs, rounds: experiment.rounds,
            chatters: Dictionary(uniqueKeysWithValues: Seat.allCases.map { ($0.description, experiment.chatter($0).label) }),
            underTest: experiment.underTest, configText: experiment.configText, configPath: experiment.configPath,
            toolVersion: toolVersion, started: started)
        try writeConfigCopy(to: folder.config)
        try ExperimentRecord.write(info, to: folder.experiment)
        try probes?.write(to: folder.probes)
        progress(.started(folder: folder.path, runs: experiment.runs))
        logger.info("experiment \(experiment.name) started in \(folder.path), seed \(experiment.seed)")

        let conversation = ConversationRunner(experiment: experiment, logger: logger)
        var transcripts: [Transcript] = []
        for run in 1...experiment.runs {
            let clock = ContinuousClock()
            let start = clock.now
            let writer = try TranscriptWriter(path: folder.transcript(run: run))
            let transcript = try await conversation.run(run, plan: probes?.plan(run: run)) { turn in
                try writer.append(turn)
                progress(.turn(run: run, round: turn.round, failed: turn.error != nil))
            }
            transcripts.append(transcript)
            progress(.runFinished(
                run: run, turns: transcript.turns.count, errors: transcript.turns.filter { $0.error != nil }.count,
                seconds: (clock.now - start).seconds))
        }
        info.ended = Date()
        try ExperimentRecord.write(info, to: folder.experiment)
        progress(.analyzing)
        let analysis = try Reanalysis.report(
            transcripts, info: info, experiment: experiment, probes: probes, folder: folder)
        return (folder, analysis)
    }

    private func writeConfigCopy(to path: String) throws {
        do {
            try experiment.configText.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw LabError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
