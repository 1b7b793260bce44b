import Chatters
import Foundation
import LabCore
import Logging

/// Loads what `chatlab run --resume` needs from a report folder: the experiment as recorded (its config, with the
/// seed, runs and rounds it was started with), the record of completed runs, and the probe plans.
public enum Resumption {
    public static func load(folder: ReportFolder, context: ChatterContext, logger: Logger) throws -> (
        runner: ExperimentRunner, info: ExperimentInfo, probes: ProbeRecord?
    ) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.config), manager.fileExists(atPath: folder.experiment) else {
            throw LabError.notAReportFolder(path: folder.path)
        }
        let info = try ExperimentRecord.read(from: folder.experiment)
        var experiment = try ExperimentLoader(context: context).load(path: folder.config)
        experiment.configPath = info.configPath
        experiment.seed = info.seed
        experiment.runs = info.runs
        experiment.rounds = info.rounds
        let probes = try ProbeRecord.read(from: folder.probes)
        return (ExperimentRunner(experiment: experiment, logger: logger), info, probes)
    }
}
