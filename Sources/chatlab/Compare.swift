import ArgumentParser
import Foundation
import Lab
import Reports

extension ChatLab {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the pass rates of several experiments, with significance tests.",
            discussion: """
                Reads summary.json and experiment.json of every report folder and writes one workbook: per check a \
                column group per experiment (passes, total, rate), the difference in pass rate against the first \
                experiment with a two-proportion z test and Fisher's exact test (two-sided p-values; * marks \
                Fisher p < 0.05), and a clustered column chart of the pass rates. Prints the same table.

                --fail-on limits are held against every experiment's totals (exit status 1 when one misses; --junit \
                writes a test suite per experiment).

                Example: chatlab compare reports/demo-latest reports/other-latest --out demo-vs-other.xlsx
                """)

        @Argument(help: "Two or more report folders written by 'chatlab run'; the first is the reference.")
        var folders: [String]

        @Option(help: "The workbook to write.")
        var out: String = ComparisonWorkbook.defaultFileName

        @OptionGroup var gate: GateOptions

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if folders.count < 2 { throw ValidationError("Give at least two report folders to compare.") }
        }

        func run() throws {
            let comparison = try CLIErrors.reporting { try Comparison.load(folders: folders) }
            let codes = comparison.rows.reduce(into: [String]()) { if !$0.contains($1.key.code) { $0.append($1.key.code) } }
            let limits = try gate.limits(codes: codes)
            try CLIErrors.reporting { try ComparisonWorkbook.write(.init(comparison), to: out) }
            if !output.quiet { print(ComparisonTable.render(comparison)) }
            print("comparison: \(out)")
            try gate.enforce(
                comparison.experiments.map { Gate(name: $0.label, thresholds: limits, measures: $0.measures) },
                quiet: output.quiet)
        }
    }
}
