import ArgumentParser
import Foundation
import Lab
import Reports

extension ChatLab {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the pass rates of several experiments, with significance tests.",
            discussion: """
                Reads summary.json and experiment.json of every report folder (it writes nothing into them) and \
                writes one workbook, --out: per check a column group per experiment (passes, total, rate and its \
                Wilson 95 % interval), the difference in pass rate against the first experiment in percentage \
                points, a two-proportion z test and Fisher's exact test (two-sided), the Holm-adjusted p-value \
                across the checks and a * where it is below 0.05, and a clustered column chart of the pass rates. \
                Prints the same table.

                --paired pairs the runs that share a seed (run both experiments with the same --seed) and decides \
                with an exact sign test on the per-run differences in pass rate: runs, not turns, are the unit that \
                was repeated with the same draw, and turns of one conversation are not independent.

                Warns (on standard error and in the workbook) when the experiments' seeds, drawn test-set items or \
                scorer settings differ.

                --fail-on limits are held against every experiment's totals, and an experiment whose bot under test \
                answered no turn fails (exit status 1; --junit writes a test suite per experiment).

                Example: chatlab compare reports/demo-latest reports/other-latest --out demo-vs-other.xlsx
                """)

        @Argument(help: "Two or more report folders written by 'chatlab run'; the first is the reference.")
        var folders: [String]

        @Option(help: "The workbook to write.")
        var out: String = ComparisonWorkbook.defaultFileName

        @Flag(help: "Pair runs that share a seed and test them with the exact sign test.")
        var paired = false

        @OptionGroup var gate: GateOptions

        @Flag(name: .shortAndLong, help: "Print only the workbook's path, warnings and errors.")
        var quiet = false

        func validate() throws {
            if folders.count < 2 { throw ValidationError("Give at least two report folders to compare.") }
        }

        func run() throws {
            let comparison = try CLIErrors.reporting { try Comparison.load(folders: folders, paired: paired) }
            let codes = comparison.rows.reduce(into: [String]()) { if !$0.contains($1.key.code) { $0.append($1.key.code) } }
            let limits = try gate.limits(codes: codes)
            try CLIErrors.reporting { try ComparisonWorkbook.write(.init(comparison), to: out) }
            if !quiet { print(ComparisonTable.render(comparison)) }
            for warning in comparison.warnings { Warnings.toStandardError(warning) }
            print("comparison: \(out)")
            try gate.enforce(
                comparison.experiments.map {
                    Gate(name: $0.label, thresholds: limits, measures: $0.measures, extra: $0.silentBot)
                },
                quiet: quiet)
        }
    }
}
