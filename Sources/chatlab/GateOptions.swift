import ArgumentParser
import Foundation
import Lab
import LabCore

/// The CI gate flags of `run`, `analyze` and `compare`: limits from the command line, and a JUnit XML report.
struct GateOptions: ParsableArguments {
    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Exit with status 1 when a check misses this limit: CODE:key=value[,key=value], e.g. SS:min_pass_rate=0.9 "
                + "or RT:max_p95=2.5. Keys as in the config's 'thresholds:'; overrides it for that code. Repeatable.",
            valueName: "limit"))
    var failOn: [String] = []

    @Option(help: ArgumentHelp("Write the gate as JUnit XML: a test case per check, a failure per missed limit.",
        valueName: "file"))
    var junit: String?

    @Flag(help: "In the JUnit file, add a test suite per run (each run judged on its own numbers).")
    var junitPerRun = false

    /// The `--fail-on` limits, checked against the codes that can be named.
    /// - Throws: ``ExitCode`` 2 after printing the ``ConfigError`` of a bad limit.
    func limits(codes: [String]) throws -> [Threshold] {
        try CLIErrors.reporting { try failOn.map { try Threshold.parse(failOn: $0, codes: codes) } }
    }

    /// Judges an experiment's analysis: `thresholds` on the totals (and per run for --junit-per-run), and the rule
    /// that a bot under test answered; see ``enforce(_:junitGates:quiet:)``.
    func enforce(_ analysis: Analysis, thresholds: [Threshold], quiet: Bool) throws {
        let gate = Gate.experiment(analysis, thresholds: thresholds)
        let perRun = junitPerRun ? Gate.perRun(analysis, thresholds: thresholds) : []
        try enforce([gate], junitGates: [gate] + perRun, quiet: quiet)
    }

    /// Prints the gates' limits (the missed ones on standard error, always), writes the JUnit file, and throws
    /// ``ExitCode`` 1 when a limit was missed.
    func enforce(_ gates: [Gate], junitGates: [Gate]? = nil, quiet: Bool) throws {
        if let junit { try CLIErrors.reporting { try JUnitReport.write(junitGates ?? gates, to: junit) } }
        let results = gates.flatMap { gate in gate.results.map { (gate.name, $0) } }
        let missed = results.filter { !$0.1.passed }
        if !quiet, !results.isEmpty, missed.isEmpty {
            print("")
            print(GateTable.render(results))
            print("gate: all \(results.count) limits met")
        }
        if let junit, !quiet { print("junit: \(junit)") }
        guard !missed.isEmpty else { return }
        FileHandle.standardError.write(Data((
            "\n" + GateTable.render(results) + "\ngate failed: \(missed.count) of \(results.count) limits missed\n"
        ).utf8))
        throw ExitCode(1)
    }
}
