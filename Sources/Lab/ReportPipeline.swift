import Foundation
import LabCore
import Reports
import Transcripts

/// Scores a report folder's transcripts and writes its reports, run by run.
///
/// Each run is read from its transcript, scored (a few runs at once), written to its sheet in `report.xlsx` (or the
/// next volume, see ``RunWorkbook/fileName(run:)``) and to `runs/run-<k>.json`, then kept only summarized, so memory
/// stays flat however many runs an experiment has. Every report is written to a temporary name and renamed into
/// place when complete.
struct ReportPipeline {
    let experiment: Experiment
    let info: ExperimentInfo
    let probes: ProbeRecord?
    /// Where the reports are written.
    let folder: ReportFolder
    /// Where the transcripts and conversation records are read (`analyze --out`); `nil`: ``folder``.
    var source: ReportFolder? = nil
    /// Told what is worth showing the user: transcripts' last lines cut short by a crash, texts cut in the workbooks.
    var warn: @Sendable (String) -> Void = { _ in }

    /// Runs scored at once: enough to keep both cores busy while one run is written.
    static let scoringWidth = 4

    func report(runs: [Int]) async throws -> Analysis {
        let analyzer = Analyzer(
            scorers: experiment.scorers, underTest: experiment.underTest, testSets: probes?.setsByID ?? [:])
        let keys = analyzer.seriesKeys
        if source == nil {
            try folder.createDirectories()
        } else {
            // Reports written elsewhere (`analyze --out`): no transcripts folder there, only the per-run numbers.
            do {
                try FileManager.default.createDirectory(atPath: folder.runScores, withIntermediateDirectories: true)
            } catch {
                throw LabError.cannotWrite(path: folder.runScores, reason: error.localizedDescription)
            }
        }
        var summary = Analysis(
            experiment: info, columns: experiment.report.columns,
            checks: CheckCatalogue.builtIn.inForce(for: experiment.scorers), seriesKeys: keys)
        summary.prices = experiment.chatters.compactMapValues(\.price)
        var volumes = RunWorkbookVolumes(
            folder: folder, info: info, columns: experiment.report.columns, keys: keys, checks: summary.checks)
        volumes.expected = probes?.setsByID.mapValues(\.expectedDescription) ?? [:]
        let folder = self.folder
        let source = self.source ?? folder
        let probes = self.probes
        let experiment = self.experiment
        let warn = self.warn
        try await RunScoring(analyzer: analyzer, width: Self.scoringWidth).score(runs) { run in
            let transcript = try TranscriptReader.read(path: source.transcript(run: run), run: run, warn: warn)
            return (transcript, experiment.runSeed(run), try probes?.plan(run: run))
        } deliver: { run in
            let conversation = try source.conversation(run: run.run)
            try volumes.append(run, runsRow: summary.runs.count + 1, conversation: conversation)
            if let conversation, conversation.details != nil { summary.simulations.append(conversation) }
            let legacySeconds = info.runSeconds[String(run.run)]
            try RecordFile.write(
                SummaryJSON.Run(run, conversation: conversation, legacySeconds: legacySeconds),
                to: folder.scores(run: run.run))
            summary.conversations.add(conversation, legacySeconds: legacySeconds)
            summary.append(run)
        }
        summary.rules = try RuleStage.check(experiment.rules, folder: folder, warn: warn)
        try volumes.finish(rules: summary.rules)
        volumes.warnings.forEach(warn)
        let totals = analyzer.totalStatistics(summary.runs)
        summary.totalStatistics = totals
        try Self.writeAtomically(folder.summaryWorkbook) { temporary in
            try SummaryWorkbook.write(summary, totalStatistics: totals, to: temporary, constantMemory: true)
                .forEach { warn($0.replacingOccurrences(of: temporary, with: folder.summaryWorkbook)) }
        }
        try RecordFile.write(SummaryJSON(summary), to: folder.summaryJSON)
        return summary
    }

    /// Writes a workbook to a temporary name beside `path` and renames it into place once it is closed, checked
    /// whole and on disk (``Workbook/close()``): a failure leaves the file that was at `path` as it was, and no
    /// temporary file.
    /// - Throws: the writer's error, naming `path` (not the temporary name).
    static func writeAtomically(_ path: String, _ write: (String) throws -> Void) throws {
        let temporary = AtomicFile.temporaryName(for: path)
        do {
            try write(temporary)
        } catch let error as WorkbookError {
            unlink(temporary)
            throw error.naming(path)
        } catch {
            unlink(temporary)
            throw error
        }
        try AtomicFile.rename(temporary, to: path)
    }
}
