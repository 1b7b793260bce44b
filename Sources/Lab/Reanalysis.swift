import Foundation
import LabCore

/// Scores saved transcripts and writes the reports, without talking to any chatter (`chatlab analyze`).
public enum Reanalysis {
    /// Re-scores the transcripts in a report folder with the scorers of its saved config, and rewrites the reports.
    @discardableResult
    public static func analyze(folder: ReportFolder) throws -> Analysis {
        let recorded = try RecordedExperiment.load(folder, loader: ExperimentLoader(makesChatters: false))
        let transcripts = try folder.transcriptRuns().map {
            try TranscriptReader.read(path: folder.transcript(run: $0), run: $0)
        }
        return try report(
            transcripts, info: recorded.info, experiment: recorded.experiment, probes: recorded.probes, folder: folder)
    }

    static func report(
        _ transcripts: [Transcript], info: ExperimentInfo, experiment: Experiment, probes: ProbeRecord?,
        folder: ReportFolder
    ) throws -> Analysis {
        let analyzer = Analyzer(
            scorers: experiment.scorers, underTest: experiment.underTest, testSets: probes?.setsByID ?? [:])
        let runs = transcripts.map {
            analyzer.analyze($0, seed: experiment.runSeed($0.run), plan: probes?.plan(run: $0.run))
        }
        var analysis = Analysis(experiment: info, columns: experiment.report.columns, runs: runs)
        analysis.checks = CheckCatalogue.builtIn.inForce(for: experiment.scorers)
        try ReportWriter.write(analysis, totals: analyzer.totalStatistics(runs), to: folder)
        return analysis
    }
}
