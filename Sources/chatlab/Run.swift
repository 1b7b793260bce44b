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
                <out>/<name>-latest points at the newest one.

                Example: chatlab run config/demo.yaml --seed 7 --runs 5
                """)

        @Argument(help: "The experiment config (YAML).")
        var config: String

        @OptionGroup var overrides: ExperimentOverrides

        @Option(help: "Write into exactly this report folder instead of a new one under --out.")
        var reportDir: String?

        @OptionGroup var output: OutputOptions

        func run() async throws {
            let logger = output.makeLogger()
            var experiment = try CLIErrors.reporting {
                try ExperimentLoader(context: ChatterContext(console: TerminalConsole())).load(path: config)
            }
            overrides.apply(to: &experiment)
            let printer = ProgressPrinter(quiet: output.quiet)
            printer.header(experiment)
            let result = try await CLIErrors.reporting {
                try await ExperimentRunner(experiment: experiment, logger: logger)
                    .run(into: reportDir.map(ReportFolder.init), progress: printer.handle)
            }
            printer.footer(result.analysis, folder: result.folder)
        }
    }
}
