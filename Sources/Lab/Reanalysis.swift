import Foundation
import LabCore
import Transcripts

/// Scores saved transcripts and writes the reports, without talking to any chatter (`chatlab analyze`).
public enum Reanalysis {
    /// Re-scores the transcripts in a report folder with the scorers of its saved config, and rewrites the reports,
    /// holding the folder's lock (``FolderLock``) after removing what a killed process left half written (see
    /// ``Leftovers``).
    /// - Parameter warn: told what is worth showing the user (a transcript's last line cut short, a text cut).
    /// - Throws: ``LabError/folderInUse(path:pid:)`` when another process writes the folder, and the errors of
    ///   reading and writing.
    @discardableResult
    public static func analyze(
        folder: ReportFolder, services: LabServices = LabServices(), warn: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> Analysis {
        let recorded = try RecordedExperiment.load(
            folder, loader: ExperimentLoader(makesChatters: false, services: services))
        let lock = try folder.lock()
        defer { withExtendedLifetime(lock) {} }
        Leftovers.remove(in: folder)
        return try await ReportPipeline(
            experiment: recorded.experiment, info: recorded.info, probes: recorded.probes, folder: folder, warn: warn
        ).report(runs: folder.transcriptRuns())
    }
}
