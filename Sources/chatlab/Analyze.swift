import ArgumentParser
import Lab
import LabYAML
import Transcripts

extension ChatLab {
    struct Analyze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-score the saved transcripts of a report folder and write its reports again.",
            discussion: """
                Talks to no chatter: reads config.yaml, experiment.json and transcripts/*.jsonl, scores every reply \
                with the config's scorers, and writes report.xlsx, summary.xlsx and summary.json (into the report \
                folder, or into --out DIR). Works on the folder of a run that was killed midway (a last transcript \
                line cut short is left out, with a warning). The output folder is locked while it is written: a \
                second writer is refused.

                --set key.path=value changes the saved config for this analysis, e.g. --set \
                scorers.stutter.threshold=0.5 or --set scorers.response_time.max_seconds=2 (repeatable; the value \
                is YAML). A key the config cannot have there is an error naming the known keys. The effective \
                config is saved as config.effective.yaml beside the reports, and the workbooks, legend and \
                summary.json show its thresholds and text. analysis.json records the scored folder and the \
                overrides: a folder holding the reports of another analysis is only written with --force, which \
                replaces them (transcripts are never touched).

                Judges the effective config's 'thresholds:' and --fail-on as 'chatlab run' does (exit status 1 when \
                a limit is missed or a bot under test answered nothing).

                Example: chatlab analyze reports/demo-latest --out reports/demo-strict --set scorers.stutter.threshold=0.2
                """)

        @Argument(help: "A report folder written by 'chatlab run'.")
        var folder: String

        @Option(help: ArgumentHelp("Write the reports into this folder instead of the report folder.", valueName: "dir"))
        var out: String?

        @Option(
            name: .customLong("set"),
            help: ArgumentHelp("Override a key of the saved config: key.path=value (repeatable).", valueName: "key=value"))
        var overrides: [String] = []

        @Flag(help: "Replace the reports of another analysis in the output folder.")
        var force = false

        @OptionGroup var gate: GateOptions

        @OptionGroup var output: OutputOptions

        func run() async throws {
            let quiet = output.quiet
            let gate = self.gate
            var limits: [Threshold] = []
            let parsed = try CLIErrors.reporting { try overrides.map { try YAMLOverride(parsing: $0) } }
            let options = Reanalysis.Options(out: out, overrides: parsed, force: force)
            let (_, analysis) = try await CLIErrors.reporting {
                try await Reanalysis.analyze(
                    folder: ReportFolder(path: folder), options: options, services: EncoderSetup.services
                ) {
                    limits = Threshold.merge($0.thresholds, try gate.limits(codes: $0.scoredCodes))
                } warn: {
                    if !quiet { ProgressPrinter.warn($0) }
                }
            }
            let written = ReportFolder(path: out ?? folder)
            ProgressPrinter(quiet: output.quiet).footer(analysis, folder: written, transcripts: ReportFolder(path: folder))
            if !parsed.isEmpty, !quiet { print("  \(written.path)/config.effective.yaml") }
            try gate.enforce(analysis, thresholds: limits, quiet: quiet)
        }
    }
}
