import Foundation
import LabCore

/// Scores saved transcripts and writes the reports, without talking to any chatter (`chatlab analyze`).
public enum Reanalysis {
    /// Re-scores the transcripts in a report folder with the scorers of its saved config, and rewrites the reports.
    @discardableResult
    public static func analyze(folder: ReportFolder) throws -> Analysis {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.config), manager.fileExists(atPath: folder.experiment) else {
            throw LabError.notAReportFolder(path: folder.path)
        }
        let info = try ExperimentRecord.read(from: folder.experiment)
        var experiment = try ExperimentLoader(makesChatters: false).load(path: folder.config)
        experiment.seed = info.seed
        experiment.runs = info.runs
        experiment.rounds = info.rounds
        let transcripts = try folder.transcriptRuns().map {
            try TranscriptReader.read(path: folder.transcript(run: $0), run: $0)
        }
        let probes = try ProbeRecord.read(from: folder.probes)
        return try report(transcripts, info: info, experiment: experiment, probes: probes, folder: folder)
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
        let analysis = Analysis(experiment: info, columns: experiment.report.columns, runs: runs)
        try ReportWriter.write(analysis, totals: analyzer.totalStatistics(runs), to: folder)
        return analysis
    }
}
