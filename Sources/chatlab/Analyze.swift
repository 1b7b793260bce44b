import Transcripts
import ArgumentParser
import Lab

extension ChatLab {
    struct Analyze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-score the saved transcripts of a report folder and rewrite its reports.",
            discussion: """
                Talks to no chatter: reads config.yaml, experiment.json and transcripts/*.jsonl, scores every reply \
                with the config's scorers, and writes report.xlsx, summary.xlsx and summary.json again. Works on the \
                folder of a run that was killed midway (a last transcript line cut short is left out, with a \
                warning). The folder is locked while it is written: a second writer is refused.

                Judges the saved config's 'thresholds:' and --fail-on as 'chatlab run' does (exit status 1 when a \
                limit is missed or a bot under test answered nothing).

                Example: chatlab analyze reports/demo-latest --fail-on SS:min_pass_rate=0.95
                """)

        @Argument(help: "A report folder written by 'chatlab run'.")
        var folder: String

        @OptionGroup var gate: GateOptions

        @OptionGroup var output: OutputOptions

        func run() async throws {
            let quiet = output.quiet
            let gate = self.gate
            var limits: [Threshold] = []
            let (_, analysis) = try await CLIErrors.reporting {
                try await Reanalysis.analyze(folder: ReportFolder(path: folder), services: EncoderSetup.services) {
                    limits = Threshold.merge($0.thresholds, try gate.limits(codes: $0.scoredCodes))
                } warn: {
                    if !quiet { ProgressPrinter.warn($0) }
                }
            }
            ProgressPrinter(quiet: output.quiet).footer(analysis, folder: ReportFolder(path: folder))
            try gate.enforce(analysis, thresholds: limits, quiet: quiet)
        }
    }
}
