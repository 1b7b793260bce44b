import Foundation

extension WorkbookBenchmark {
    /// Runs `program arguments…` (this binary's worker mode or the XlsxWriter script) to its end and reads the
    /// measurement from the last line it printed.
    /// - Throws: ``BenchProcessError``: the child failed, or printed no measurement.
    public static func measureChild(_ program: String, _ arguments: [String]) throws -> Measurement {
        let output = try BenchProcess.run(program, arguments)
        guard let line = output.split(separator: "\n").last,
            let measurement = try? JSONDecoder().decode(Measurement.self, from: Data(line.utf8))
        else {
            throw BenchProcessError.noMeasurement(program: program, output: output)
        }
        return measurement
    }

    /// The row of `measurement` in ``table(_:)``, alone (to show it as it comes in).
    public static func row(_ measurement: Measurement) -> String {
        table([measurement]).split(separator: "\n").last.map(String.init) ?? ""
    }
}
