import ArgumentParser
import Benchmarks
import CPrintfHooks
import Foundation

extension ChatLab {
    /// `chatlab bench workbook`.
    struct BenchWorkbook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workbook",
            abstract: "Measure how fast report.xlsx is written, against Python's XlsxWriter.",
            discussion: """
                Writes a synthetic report.xlsx of RUNS runs × ROUNDS rounds (two utterances of about 60 characters, \
                three scorers with verdict, score and note: about 1.3 million cells for 1,000 × 100) through \
                ChatLab's run workbook, and the same cells with Python's XlsxWriter in constant-memory mode \
                (scripts/bench_workbook_xlsxwriter.py; XlsxWriter is installed into a throwaway venv under /tmp \
                when python3 lacks it). Every measurement runs in its own process, which reports its wall time and \
                peak resident memory (VmHWM). The full size is written --repeat times by each tool, alternating, and \
                the fastest time of each is compared (a shared machine's noise only ever adds time); the table shows \
                every time. Also measures ChatLab at a few smaller sizes to show that memory stays flat. Build with \
                -c release for meaningful numbers: make bench-workbook.
                """)

        @Option(help: "Runs (one sheet each).")
        var runs = 1_000

        @Option(help: "Rounds per run (one row each).")
        var rounds = 100

        @Option(parsing: .upToNextOption, help: "Smaller run counts to measure ChatLab's memory at.")
        var memoryRuns: [Int] = [100, 300]

        @Option(help: "How often each tool writes the full size (alternating); the fastest counts.")
        var `repeat` = 3

        @Option(help: "The XlsxWriter script.")
        var script = "scripts/bench_workbook_xlsxwriter.py"

        @Option(help: "A python3 with xlsxwriter (default: python3 if it has it, else a venv under /tmp).")
        var python: String?

        @Flag(help: "Skip the XlsxWriter measurement.")
        var noPython = false

        @Option(help: "Folder for the workbooks written (default: a new temporary folder, removed afterwards).")
        var out: String?

        @Flag(help: .hidden)
        var worker = false

        @Option(help: .hidden)
        var workerPath: String?

        func run() throws {
            if worker {
                let path = workerPath ?? NSTemporaryDirectory() + "chatlab-bench-\(UUID().uuidString).xlsx"
                var measurement = try CLIErrors.reporting {
                    try WorkbookBenchmark.measure(runs: runs, rounds: rounds, path: path)
                }
                measurement.printfExtensionsRefused = chatlab_printf_extensions_refused() == 1
                print(String(decoding: try JSONEncoder().encode(measurement), as: UTF8.self))
                return
            }
            let folder = out ?? NSTemporaryDirectory() + "chatlab-bench-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { if out == nil { try? FileManager.default.removeItem(atPath: folder) } }

            let comparison = WorkbookComparison(
                runs: runs, rounds: rounds, memoryRuns: memoryRuns, repeats: `repeat`, script: script)
            let result = try validating {
                try comparison.run(folder: folder) {
                    if noPython { return nil }
                    return try python ?? BenchProcess.pythonWithXlsxWriter { note in
                        FileHandle.standardError.write(Data("bench: \(note)\n".utf8))
                    }
                } shown: { print(WorkbookBenchmark.row($0)) }
            }
            print(result.summary().joined(separator: "\n"))
        }

        /// A child that failed is a usage problem here (a missing Python, a wrong script path).
        private func validating<T>(_ body: () throws -> T) throws -> T {
            do { return try body() } catch let error as BenchProcessError { throw ValidationError(error.description) }
        }
    }
}
