import Chatters
import Foundation
import LabCore
import Transcripts
import Logging

/// Loads what `chatlab run --resume` needs from a report folder: the experiment as recorded (its config, with the
/// seed, runs and rounds it was started with), the record of completed runs, and the probe plans.
public enum Resumption {
    public static func load(
        folder: ReportFolder, context: ChatterContext, logger: Logger, services: LabServices = LabServices()
    ) throws -> (runner: ExperimentRunner, info: ExperimentInfo, probes: ProbeRecord?) {
        let recorded = try RecordedExperiment.load(folder, loader: ExperimentLoader(context: context, services: services))
        return (
            ExperimentRunner(experiment: recorded.experiment, logger: logger, clock: services.clock), recorded.info,
            recorded.probes
        )
    }
}
