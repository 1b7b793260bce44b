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
                Writes a report folder <out>/<name>-<time>/ with config.yaml, experiment.json,
                transcripts/run-<k>.jsonl (written turn by turn), report.xlsx, summary.xlsx and summary.json.
                <out>/<name>-latest points at the newest one (a symbolic link; a real file or folder of that
                name is left alone). The folder is locked while it is written: a second writer is refused.

                Example: chatlab run config/demo.yaml --seed 7 --runs 5
                """)

        @Argument(help: "The experiment config (YAML). Not needed with --resume.")
        var config: String?

        @Option(help: "Finish the experiment in this report folder after a crash or kill; completed runs are kept.")
        var resume: String?

        @OptionGroup var overrides: ExperimentOverrides

        @Option(help: "Write into exactly this report folder (new or empty) instead of a new one under --out.")
        var reportDir: String?

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if (config == nil) == (resume == nil) {
                throw ValidationError("Give a config to run, or --resume REPORT_DIR to finish an interrupted run.")
            }
        }

        func run() async throws {
            let logger = output.makeLogger()
            let context = Warnings.context(console: TerminalConsole())
            if let resume {
                let folder = ReportFolder(path: resume)
                let loaded = try CLIErrors.reporting { try Resumption.load(folder: folder, context: context, logger: logger, services: EncoderSetup.services)
                }
                let printer = ProgressPrinter(quiet: output.quiet, bar: !loaded.runner.experiment.hasHuman)
                printer.header(loaded.runner.experiment)
                let result = try await CLIErrors.reporting {
                    try await loaded.runner.resume(folder: folder, info: loaded.info, probes: loaded.probes,
                        progress: printer.handle)
                }
                printer.footer(result.analysis, folder: result.folder)
                return
            }
            var experiment = try CLIErrors.reporting { try ExperimentLoader(context: context, services: EncoderSetup.services).load(path: config!)
            }
            overrides.apply(to: &experiment)
            let printer = ProgressPrinter(quiet: output.quiet, bar: !experiment.hasHuman)
            printer.header(experiment)
            let result = try await CLIErrors.reporting {
                try await ExperimentRunner(experiment: experiment, logger: logger)
                    .run(into: reportDir.map(ReportFolder.init), progress: printer.handle)
            }
            printer.footer(result.analysis, folder: result.folder)
        }
    }
}
