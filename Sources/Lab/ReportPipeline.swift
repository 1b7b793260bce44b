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
    let folder: ReportFolder

    /// Runs scored at once: enough to keep both cores busy while one run is written.
    static let scoringWidth = 4

    func report(runs: [Int]) async throws -> Analysis {
        let analyzer = Analyzer(
            scorers: experiment.scorers, underTest: experiment.underTest, testSets: probes?.setsByID ?? [:])
        let keys = analyzer.seriesKeys
        try folder.createDirectories()
        var summary = Analysis(
            experiment: info, columns: experiment.report.columns,
            checks: CheckCatalogue.builtIn.inForce(for: experiment.scorers), seriesKeys: keys)
        var volumes = RunWorkbookVolumes(
            folder: folder, info: info, columns: experiment.report.columns, keys: keys, checks: summary.checks)
        let folder = self.folder
        let probes = self.probes
        let experiment = self.experiment
        try await RunScoring(analyzer: analyzer, width: Self.scoringWidth).score(runs) { run in
            let transcript = try TranscriptReader.read(path: folder.transcript(run: run), run: run)
            return (transcript, experiment.runSeed(run), try probes?.plan(run: run))
        } deliver: { run in
            try volumes.append(run, runsRow: summary.runs.count + 1)
            let conversation = try folder.conversation(run: run.run)
            let legacySeconds = info.runSeconds[String(run.run)]
            try RecordFile.write(
                SummaryJSON.Run(run, conversation: conversation, legacySeconds: legacySeconds),
                to: folder.scores(run: run.run))
            summary.conversations.add(conversation, legacySeconds: legacySeconds)
            summary.append(run)
        }
        try volumes.finish()
        let totals = analyzer.totalStatistics(summary.runs)
        try Self.writeAtomically(folder.summaryWorkbook) {
            try SummaryWorkbook.write(summary, totalStatistics: totals, to: $0, constantMemory: true)
        }
        try RecordFile.write(SummaryJSON(summary, totals: totals), to: folder.summaryJSON)
        return summary
    }

    /// Writes a workbook to a temporary name beside `path` and renames it into place.
    static func writeAtomically(_ path: String, _ write: (String) throws -> Void) throws {
        let temporary = AtomicFile.temporaryName(for: path)
        do {
            try write(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        try AtomicFile.rename(temporary, to: path)
    }
}
