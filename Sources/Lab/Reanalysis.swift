import Foundation
import LabCore
import Transcripts

/// Scores saved transcripts and writes the reports, without talking to any chatter (`chatlab analyze`).
public enum Reanalysis {
    /// Re-scores the transcripts in a report folder with the scorers of its saved config, and rewrites the reports.
    @discardableResult
    public static func analyze(folder: ReportFolder, services: LabServices = LabServices()) async throws -> Analysis {
        let recorded = try RecordedExperiment.load(
            folder, loader: ExperimentLoader(makesChatters: false, services: services))
        return try await ReportPipeline(
            experiment: recorded.experiment, info: recorded.info, probes: recorded.probes, folder: folder
        ).report(runs: folder.transcriptRuns())
    }
}
