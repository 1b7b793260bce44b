import Foundation
import LabCore
import Transcripts

/// Scores saved transcripts and writes the reports, without talking to any chatter (`chatlab analyze`).
public enum Reanalysis {
    /// Re-scores the transcripts in a report folder with the scorers of its saved config, and rewrites the reports,
    /// holding the folder's lock (``FolderLock``) after removing what a killed process left half written (see
    /// ``Leftovers``).
    /// - Parameters:
    ///   - check: called once with the saved experiment before anything is written (to refuse limits that name codes
    ///     it does not score); what it throws ends the analysis.
    ///   - warn: told what is worth showing the user (a transcript's last line cut short, a text cut).
    /// - Returns: the experiment as the folder's config defines it, and the analysis.
    /// - Throws: ``LabError/folderInUse(path:pid:)`` when another process writes the folder, and the errors of
    ///   reading and writing.
    @discardableResult
    public static func analyze(
        folder: ReportFolder, services: LabServices = LabServices(), check: (Experiment) throws -> Void = { _ in },
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> (experiment: Experiment, analysis: Analysis) {
        let recorded = try RecordedExperiment.load(
            folder, loader: ExperimentLoader(makesChatters: false, services: services))
        try check(recorded.experiment)
        let lock = try folder.lock()
        defer { withExtendedLifetime(lock) {} }
        Leftovers.remove(in: folder)
        let analysis = try await ReportPipeline(
            experiment: recorded.experiment, info: recorded.info, probes: recorded.probes, folder: folder, warn: warn
        ).report(runs: folder.transcriptRuns())
        return (recorded.experiment, analysis)
    }
}
