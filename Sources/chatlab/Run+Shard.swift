import Chatters
import Foundation
import Lab
import LabCore
import Logging
import Transcripts

/// `chatlab run --shard` and `--resume` of a shard folder: no reports, the shard folder printed.
extension ChatLab.Run {
    /// Runs shard `text` (`K/N` or `auto`) of `experiment` into a shard folder.
    func runShard(_ text: String, experiment: Experiment, logger: Logger, printer: ProgressPrinter) async throws {
        let spec = try CLIErrors.reporting {
            try ShardSpec(parsing: text, environment: ProcessInfo.processInfo.environment)
        }
        printer.header(experiment)
        let folder = try await CLIErrors.reporting {
            try await ExperimentRunner(experiment: experiment, logger: logger)
                .runShard(spec, into: reportDir.map(ReportFolder.init), clearing: force, progress: printer.handle)
        }
        printShardFolder(folder, spec: spec)
    }

    /// Finishes an interrupted shard (its runs only; no reports).
    func resumeShard(
        _ folder: ReportFolder, manifest: ShardManifest, context: ChatterContext, logger: Logger
    ) async throws {
        let loaded = try CLIErrors.reporting {
            try Resumption.load(folder: folder, context: context, logger: logger, services: EncoderSetup.services)
        }
        let printer = ProgressPrinter(quiet: output.quiet, bar: !loaded.runner.experiment.hasHuman)
        printer.header(loaded.runner.experiment)
        try await CLIErrors.reporting {
            try await loaded.runner.resumeShard(
                folder: folder, info: loaded.info, probes: loaded.probes, manifest: manifest, progress: printer.handle)
        }
        printShardFolder(folder, spec: manifest.shard)
    }

    func printShardFolder(_ folder: ReportFolder, spec: ShardSpec) {
        if output.quiet {
            print(folder.path)
            return
        }
        print("")
        print("shard \(spec) done: \(folder.path)")
        print("merge all \(spec.count) shard folders with: chatlab merge SHARD_DIR... --out DIR")
    }
}
