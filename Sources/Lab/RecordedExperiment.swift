import Chatters
import Foundation
import LabCore
import LabYAML
import Transcripts

/// An experiment as a report folder records it: its config (with the seed, runs and rounds it was started with),
/// the record of how it ran, and the probe plans. Shared by re-analysis and resumption.
struct RecordedExperiment {
    var experiment: Experiment
    var info: ExperimentInfo
    var probes: ProbeRecord?

    /// - Parameter overrides: `--set` changes to the saved config (``ConfigOverrides``); with any, the experiment and
    ///   the record's config text are the effective config's.
    static func load(
        _ folder: ReportFolder, loader: ExperimentLoader, overrides: [YAMLOverride] = []
    ) throws -> RecordedExperiment {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.config), manager.fileExists(atPath: folder.experiment) else {
            throw LabError.notAReportFolder(path: folder.path)
        }
        var info = try ExperimentRecord.read(from: folder.experiment)
        guard var text = try? String(contentsOfFile: folder.config, encoding: .utf8) else {
            throw LabError.missingFile(path: folder.config, hint: "The report folder's copy of the config is unreadable.")
        }
        if !overrides.isEmpty {
            text = try ConfigOverrides.apply(overrides, to: text, file: folder.config)
            info.configText = text
        }
        // The copy is read as if it stood where the original did, so relative paths in it still resolve.
        var experiment = try loader.load(text: text, path: info.configPath)
        experiment.seed = info.seed
        experiment.runs = info.runs
        experiment.rounds = info.rounds
        return RecordedExperiment(experiment: experiment, info: info, probes: try ProbeRecord.read(in: folder))
    }
}
