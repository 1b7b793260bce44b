import Foundation
import LabCore
import Transcripts

/// Writes a report folder as one self-contained HTML page (``HTMLReport``), for people who do not open the
/// workbooks (`chatlab view`).
///
/// Reads the saved config, transcripts and conversation records, and scores the transcripts with the config's
/// scorers in memory (as `chatlab analyze` would, writing nothing into the folder), so every turn shows each check's
/// verdict. The page is written to a temporary name beside `path` and renamed into place.
public enum ReportView {
    /// What the page holds.
    public struct Outcome: Sendable {
        public var runs: Int
        public var turns: Int
        public var failingTurns: Int
        public var runsLeftOut: Int
    }

    /// The page's default place: `view.html` in the report folder.
    public static func defaultPath(in folder: ReportFolder) -> String { "\(folder.path)/view.html" }

    /// - Parameter warn: told what is worth showing the user (a transcript's last line cut short).
    /// - Throws: ``LabError/notAReportFolder(path:)`` and the errors of reading the folder and writing `path`.
    @discardableResult
    public static func write(
        folder: ReportFolder, to path: String, services: LabServices = LabServices(),
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> Outcome {
        let recorded = try RecordedExperiment.load(
            folder, loader: ExperimentLoader(makesChatters: false, services: services))
        let experiment = recorded.experiment
        let analyzer = Analyzer(
            scorers: experiment.scorers, underTest: experiment.underTest, testSets: recorded.probes?.setsByID ?? [:])
        var report = HTMLReport(summary: Analysis(
            experiment: recorded.info, columns: experiment.report.columns,
            checks: CheckCatalogue.builtIn.inForce(for: experiment.scorers), seriesKeys: analyzer.seriesKeys))
        var runs = 0
        for run in folder.transcriptRuns() {
            let transcript = try TranscriptReader.read(path: folder.transcript(run: run), run: run, warn: warn)
            let analysis = await analyzer.analyze(
                transcript, seed: experiment.runSeed(run), plan: try recorded.probes?.plan(run: run))
            report.add(analysis, record: try folder.conversation(run: run))
            runs += 1
        }
        let temporary = AtomicFile.temporaryName(for: path)
        do {
            try Data(report.page().utf8).write(to: URL(fileURLWithPath: temporary))
            try AtomicFile.rename(temporary, to: path)
        } catch {
            unlink(temporary)
            throw LabError.cannotWrite(path: path, reason: "\(error)")
        }
        return Outcome(
            runs: runs, turns: report.turnsShown, failingTurns: report.failingTurns, runsLeftOut: report.runsLeftOut)
    }
}
