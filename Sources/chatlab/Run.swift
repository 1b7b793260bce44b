import Transcripts
import ArgumentParser
import Chatters
import Foundation
import Lab

extension ChatLab {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run an experiment and write its transcripts and reports.",
            discussion: """
                Writes a report folder <out>/<name>-<time>/ with config.yaml, experiment.json, \
                transcripts/run-<k>.jsonl (written turn by turn), report.xlsx, summary.xlsx and summary.json. \
                <out>/<name>-latest points at the newest one (a symbolic link; a real file or folder of that \
                name is left alone). The folder is locked while it is written: a second writer is refused.

                Exits with status 1 when a limit of the config's 'thresholds:' or of --fail-on is missed, or when a \
                bot under test answered none of its turns (a dead endpoint: the message gives the first error and \
                why the conversations ended); the reports are written either way.

                --shard K/N runs only shard K of N (runs K, K+N, K+2N...), each with the seed and conversation id \
                it has in a single-machine run, into a shard folder (<out>/<name>-shard-K-of-N-<time>/, or \
                --report-dir) with shard.json and no reports; 'chatlab merge' joins the N shard folders into one \
                report folder. --shard auto takes K and N from a Slurm array job (SLURM_ARRAY_TASK_ID, \
                SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, \
                0-based, with CHATLAB_SHARD_COUNT set to its completions). --resume on a shard folder finishes \
                that shard.

                Example: chatlab run config/demo.yaml --seed 7 --runs 5 --junit gate.xml
                """)

        @Argument(help: "The experiment config (YAML). Not needed with --resume.")
        var config: String?

        @Option(help: "Finish the experiment in this report folder after a crash or kill; completed runs are kept.")
        var resume: String?

        @OptionGroup var overrides: ExperimentOverrides

        @Option(help: "Write into exactly this report folder (new or empty; see --force) instead of a new one under --out.")
        var reportDir: String?

        @Option(help: ArgumentHelp(
            "Run only shard K of N of the runs (or 'auto' from a Slurm array or Kubernetes Indexed Job); merge the "
                + "shard folders with 'chatlab merge'.", valueName: "K/N|auto"))
        var shard: String?

        @Flag(help: "With --report-dir: clear that folder first if an earlier run used it (only a ChatLab report folder is cleared).")
        var force = false

        @OptionGroup var gate: GateOptions

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if (config == nil) == (resume == nil) {
                throw ValidationError("Give a config to run, or --resume REPORT_DIR to finish an interrupted run.")
            }
            if force, reportDir == nil { throw ValidationError("--force clears the --report-dir folder; give --report-dir DIR too.") }
            if shard != nil, resume != nil {
                throw ValidationError("--resume on a shard folder finishes that shard; leave out --shard.")
            }
        }

        func run() async throws {
            let logger = output.makeLogger()
            let context = Warnings.context(console: TerminalConsole())
            if let resume {
                let folder = ReportFolder(path: resume)
                if let manifest = try CLIErrors.reporting({ try ShardManifest.read(in: folder) }) {
                    try await resumeShard(folder, manifest: manifest, context: context, logger: logger)
                    return
                }
                let loaded = try CLIErrors.reporting { try Resumption.load(folder: folder, context: context, logger: logger, services: EncoderSetup.services)
                }
                let experiment = loaded.runner.experiment
                let limits = Threshold.merge(experiment.thresholds, try gate.limits(codes: experiment.scoredCodes))
                let printer = ProgressPrinter(quiet: output.quiet, bar: !loaded.runner.experiment.hasHuman)
                printer.header(loaded.runner.experiment)
                let result = try await CLIErrors.reporting {
                    try await loaded.runner.resume(folder: folder, info: loaded.info, probes: loaded.probes,
                        progress: printer.handle)
                }
                printer.footer(result.analysis, folder: result.folder)
                try gate.enforce(result.analysis, thresholds: limits, quiet: output.quiet)
                return
            }
            var experiment = try CLIErrors.reporting { try ExperimentLoader(context: context, services: EncoderSetup.services).load(path: config!)
            }
            overrides.apply(to: &experiment)
            let limits = Threshold.merge(experiment.thresholds, try gate.limits(codes: experiment.scoredCodes))
            let printer = ProgressPrinter(quiet: output.quiet, bar: !experiment.hasHuman)
            if let shard {
                try await runShard(shard, experiment: experiment, logger: logger, printer: printer)
                return
            }
            printer.header(experiment)
            let result = try await CLIErrors.reporting {
                try await ExperimentRunner(experiment: experiment, logger: logger)
                    .run(into: reportDir.map(ReportFolder.init), clearing: force, progress: printer.handle)
            }
            printer.footer(result.analysis, folder: result.folder)
            try gate.enforce(result.analysis, thresholds: limits, quiet: output.quiet)
        }
    }
}
