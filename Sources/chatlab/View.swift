import ArgumentParser
import Lab
import Transcripts

extension ChatLab {
    struct View: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a report folder as one self-contained HTML page, with failing turns filterable.",
            discussion: """
                Reads config.yaml, experiment.json and transcripts/*.jsonl, scores the transcripts with the config's \
                scorers (writing nothing into the folder) and writes one HTML file that loads nothing from the \
                network: the checks with pass rates and rules, why conversations ended, token usage, and every \
                conversation turn by turn with each check's verdict. Tick "only failing turns" (or open the page \
                with #failures, or #failures=ML-A6 for one check) to hide passing turns.

                Example: chatlab view reports/demo-latest --out demo.html
                """)

        @Argument(help: "A report folder written by 'chatlab run'.")
        var folder: String

        @Option(help: "Where to write the page (default: view.html in the report folder).")
        var out: String?

        @OptionGroup var output: OutputOptions

        func run() async throws {
            let quiet = output.quiet
            let reportFolder = ReportFolder(path: folder)
            let path = out ?? ReportView.defaultPath(in: reportFolder)
            let outcome = try await CLIErrors.reporting {
                try await ReportView.write(folder: reportFolder, to: path, services: EncoderSetup.services) {
                    if !quiet { ProgressPrinter.warn($0) }
                }
            }
            guard !quiet else { return }
            var line = "view: \(path) (\(outcome.runs) runs, \(outcome.turns) turns, \(outcome.failingTurns) failing)"
            if outcome.runsLeftOut > 0 { line += "; \(outcome.runsLeftOut) runs left out of the page (size limit)" }
            print(line)
        }
    }
}
