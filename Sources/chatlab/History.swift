import ArgumentParser
import Batch
import Foundation
import Transcripts

extension ChatLab {
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trends of a batch history: a workbook with native charts, a terminal summary, CSV or JSON exports.",
            discussion: """
                Reads the history database of 'chatlab batch' / 'chatlab schedule', prints per model the success \
                rate, latency, tokens/s, coverage and correctness, compares the last batch with the ones before it \
                (regressions flagged), and writes the trend workbook (latency median and p95, tokens/s and success \
                rate over time per model; coverage and correctness per model and industry). With --export it \
                writes the slice's answers as CSV or JSON instead.

                Example: chatlab history history/batch-demo.sqlite --since 4d --model fast
                Example: chatlab history history/batch-demo.sqlite --export csv --output answers.csv
                """)

        @Argument(help: "The history database.")
        var database: String

        @Option(help: "Only answers sent within this long before now, e.g. 90m, 12h, 4d.")
        var since: String?

        @Option(help: "Only this model (repeatable).")
        var model: [String] = []

        @Option(help: "Only batches of this matrix.")
        var matrix: String?

        @Option(help: "Export the slice's answers instead: csv or json.")
        var export: String?

        @Option(help: "Where --export writes (default: standard output).")
        var output: String?

        @Option(help: "The trend workbook (default: beside the database, <name>-trends.xlsx).")
        var workbook: String?

        func validate() throws {
            if let since, DurationText.seconds(since) == nil {
                throw ValidationError("--since '\(since)' is not a duration: write e.g. 90m, 12h or 4d.")
            }
            if let export, HistoryExport.Format(rawValue: export) == nil {
                throw ValidationError("--export must be csv or json.")
            }
            guard FileManager.default.fileExists(atPath: database) else {
                throw ValidationError("\(database): no such history database. Run 'chatlab batch MATRIX' first.")
            }
        }

        func run() async throws {
            let store = try CLIErrors.reporting { try HistoryStore(path: database) }
            let slice = HistorySlice(
                since: since.flatMap(DurationText.seconds).map { Date().timeIntervalSince1970 - $0 }, models: model,
                matrix: matrix)
            let answers = try await CLIErrors.reporting { try await store.answers(slice) }
            if let export, let format = HistoryExport.Format(rawValue: export) {
                let data = HistoryExport.data(answers, format: format)
                if let output {
                    try CLIErrors.reporting { try AtomicFile.write(data, to: output) }
                    print("exported \(answers.count) answers to \(output)")
                } else {
                    FileHandle.standardOutput.write(data)
                }
                return
            }
            let report = TrendReport(answers)
            for line in report.summaryLines() { print(line) }
            let batches = try await CLIErrors.reporting { try await store.batches(matrix: matrix) }
            let path = workbook ?? (database.hasSuffix(".sqlite") ? String(database.dropLast(7)) : database) + "-trends.xlsx"
            try CLIErrors.reporting { try TrendWorkbook.write(report, batches: batches, to: path) }
            print("trend workbook: \(path)")
        }
    }
}
