import Foundation
import LabCore
import LabYAML
import Transcripts

/// Scores saved transcripts and writes the reports, without talking to any chatter (`chatlab analyze`).
public enum Reanalysis {
    /// Where and how to re-analyse a report folder.
    public struct Options: Sendable {
        /// Where the reports go (`--out`); `nil`: the report folder itself.
        public var out: String?
        /// `--set key.path=value` changes to the saved config.
        public var overrides: [YAMLOverride]
        /// Replace the reports of another analysis in the output folder.
        public var force: Bool

        public init(out: String? = nil, overrides: [YAMLOverride] = [], force: Bool = false) {
            self.out = out
            self.overrides = overrides
            self.force = force
        }
    }

    /// Re-scores the transcripts in a report folder with the scorers of its saved config (with any overrides), and
    /// writes the reports into the output folder, holding its lock (``FolderLock``) from before anything is removed
    /// until the last report is written.
    ///
    /// With overrides the effective config is saved as `config.effective.yaml` in the output folder, and the
    /// reports' experiment record, Experiment sheet, legend and thresholds show it. `analysis.json` records the
    /// source and overrides; reports of another analysis are replaced only with ``Options/force``.
    /// - Parameters:
    ///   - check: called once with the effective experiment before anything is written (to refuse limits that name
    ///     codes it does not score); what it throws ends the analysis.
    ///   - warn: told what is worth showing the user (a transcript's last line cut short, a text cut).
    /// - Returns: the experiment as the effective config defines it, and the analysis.
    /// - Throws: ``LabError/folderInUse(path:pid:)`` when another process writes the output folder,
    ///   ``AnalysisError`` for an output folder holding other reports, ``YAMLOverrideError`` for a bad override,
    ///   and the errors of reading and writing.
    @discardableResult
    public static func analyze(
        folder: ReportFolder, options: Options = Options(), services: LabServices = LabServices(),
        check: (Experiment) throws -> Void = { _ in }, warn: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> (experiment: Experiment, analysis: Analysis) {
        let recorded = try RecordedExperiment.load(
            folder, loader: ExperimentLoader(makesChatters: false, services: services), overrides: options.overrides)
        try check(recorded.experiment)
        let out = ReportFolder(path: options.out ?? folder.path)
        let record = AnalysisRecord(
            source: AnalysisRecord.absolute(folder.path), overrides: options.overrides.map(\.description))
        try prepare(out, isSource: options.out == nil)
        // Lock first, then look and clear, then write: no other writer can slip in between.
        let lock = try out.lock()
        defer { withExtendedLifetime(lock) {} }
        if let existing = try AnalysisRecord.read(in: out), existing != record {
            guard options.force else {
                throw AnalysisError.otherAnalysis(
                    path: out.path, source: existing.source, overrides: existing.overrides)
            }
            try AnalysisRecord.removeReports(in: out)
        }
        Leftovers.remove(in: out)
        if !options.overrides.isEmpty {
            try AtomicFile.write(Data(recorded.info.configText.utf8), to: "\(out.path)/\(AnalysisRecord.effectiveConfig)")
        }
        try RecordFile.write(record, to: AnalysisRecord.path(out))
        let analysis = try await ReportPipeline(
            experiment: recorded.experiment, info: recorded.info, probes: recorded.probes, folder: out,
            source: folder, warn: warn
        ).report(runs: folder.transcriptRuns())
        return (recorded.experiment, analysis)
    }

    /// Creates a new output folder; refuses one with files that are not ChatLab reports.
    private static func prepare(_ out: ReportFolder, isSource: Bool) throws {
        guard !isSource else { return }
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0 != FolderLock.fileName }
        let reports = manager.fileExists(atPath: out.summaryJSON) || manager.fileExists(atPath: AnalysisRecord.path(out))
        if !names.isEmpty, !reports { throw AnalysisError.notReports(path: out.path) }
        do {
            try manager.createDirectory(atPath: out.path, withIntermediateDirectories: true)
        } catch {
            throw LabError.cannotWrite(path: out.path, reason: error.localizedDescription)
        }
    }
}
