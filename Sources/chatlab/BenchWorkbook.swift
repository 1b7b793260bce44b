import ArgumentParser
import CPrintfHooks
import Foundation
import Lab

extension ChatLab {
    /// `chatlab bench workbook`.
    struct BenchWorkbook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workbook",
            abstract: "Measure how fast report.xlsx is written, against Python's XlsxWriter.",
            discussion: """
                Writes a synthetic report.xlsx of RUNS runs × ROUNDS rounds (two utterances of about 60 characters,
                three scorers with verdict, score and note: about 1.3 million cells for 1,000 × 100) through
                ChatLab's run workbook, and the same cells with Python's XlsxWriter in constant-memory mode
                (scripts/bench_workbook_xlsxwriter.py; XlsxWriter is installed into a throwaway venv under /tmp
                when python3 lacks it). Every measurement runs in its own process, which reports its wall time and
                peak resident memory (VmHWM). The full size is written --repeat times by each tool, alternating, and
                the fastest time of each is compared (a shared machine's noise only ever adds time); the table shows
                every time. Also measures ChatLab at a few smaller sizes to show that memory stays flat. Build with
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

            var results: [WorkbookBenchmark.Measurement] = []
            for count in memoryRuns.filter({ $0 < runs }) {
                results.append(shown(try measureOurs(runs: count, folder: folder)))
            }
            // The same sheets with ten times the rows each: memory should not grow with rows.
            let taller = try results.first.map {
                shown(try measureOurs(runs: $0.runs, rounds: rounds * 10, folder: folder))
            }
            let python = noPython ? nil : try python ?? BenchProcess.pythonWithXlsxWriter()
            var oursFull: [WorkbookBenchmark.Measurement] = []
            var theirsFull: [WorkbookBenchmark.Measurement] = []
            for _ in 0..<max(1, `repeat`) {
                oursFull.append(shown(try measureOurs(runs: runs, folder: folder)))
                if let python {
                    theirsFull.append(shown(try measureChild(
                        python,
                        [script, "--runs", "\(runs)", "--rounds", "\(rounds)", "--out", "\(folder)/xlsxwriter.xlsx"])))
                }
            }
            let ours = results + [WorkbookBenchmark.fastest(oursFull)].compactMap { $0 }
            let theirs = WorkbookBenchmark.fastest(theirsFull)
            print("")
            print("fastest of \(max(1, `repeat`)) at full size (peak memory: the highest seen):")
            print(WorkbookBenchmark.table(ours + [taller, theirs].compactMap { $0 }))
            if let largest = ours.last, let theirs {
                print(String(format: "chatlab is %.1f× as fast as XlsxWriter", theirs.seconds / largest.seconds))
                if let ourCPU = largest.userSeconds, let theirCPU = theirs.userSeconds, ourCPU > 0 {
                    print(String(
                        format: "user-space CPU: %.2f s against %.2f s (%.1f×); the kernel time is mostly creating the "
                            + "temporary file of each sheet", ourCPU, theirCPU, theirCPU / ourCPU))
                }
            }
            if let small = ours.first, let taller {
                print(String(
                    format: "peak memory by rows per sheet: %.1f MB at %d × %d, %.1f MB at %d × %d", small.peakMB,
                    small.runs, small.rounds, taller.peakMB, taller.runs, taller.rounds))
            }
            if ours.count > 1, let small = ours.first, let large = ours.last {
                let perSheet = Double(large.peakKB - small.peakKB) / Double(max(1, large.runs - small.runs))
                print(String(
                    format: "peak memory by sheets: %.1f MB at %d runs, %.1f MB at %d runs (%.0f KB per sheet, "
                        + "libxlsxwriter's own bookkeeping)", small.peakMB, small.runs, large.peakMB, large.runs,
                    perSheet))
            }
        }

        /// Prints a measurement's row as it comes in, and passes it on.
        private func shown(_ measurement: WorkbookBenchmark.Measurement) -> WorkbookBenchmark.Measurement {
            print(WorkbookBenchmark.table([measurement]).split(separator: "\n").last.map(String.init) ?? "")
            return measurement
        }

        private func measureOurs(runs count: Int, rounds: Int? = nil, folder: String) throws
            -> WorkbookBenchmark.Measurement
        {
            try measureChild(
                BenchProcess.selfExecutable,
                ["bench", "workbook", "--worker", "--runs", "\(count)", "--rounds", "\(rounds ?? self.rounds)",
                 "--worker-path", "\(folder)/chatlab-\(count).xlsx"])
        }

        private func measureChild(_ program: String, _ arguments: [String]) throws -> WorkbookBenchmark.Measurement {
            let output = try BenchProcess.run(program, arguments)
            guard let line = output.split(separator: "\n").last,
                let measurement = try? JSONDecoder().decode(WorkbookBenchmark.Measurement.self, from: Data(line.utf8))
            else {
                throw ValidationError("\(program) printed no measurement: \(output)")
            }
            return measurement
        }
    }
}

/// Child processes of the benchmark.
enum BenchProcess {
    /// This binary.
    static var selfExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static let venv = NSTemporaryDirectory() + "chatlab-bench-venv"

    /// python3 when it can import xlsxwriter; otherwise a venv under /tmp with xlsxwriter installed (once).
    static func pythonWithXlsxWriter() throws -> String {
        if (try? run("/usr/bin/env", ["python3", "-c", "import xlsxwriter"])) != nil { return "/usr/bin/env python3" }
        let python = "\(venv)/bin/python"
        if (try? run(python, ["-c", "import xlsxwriter"])) != nil { return python }
        FileHandle.standardError.write(Data("bench: installing XlsxWriter into \(venv)\n".utf8))
        _ = try run("/usr/bin/env", ["python3", "-m", "venv", venv])
        _ = try run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "xlsxwriter"])
        return python
    }

    /// Runs a program to its end and returns its standard output; throws when it fails.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        var words = program.split(separator: " ").map(String.init)
        process.executableURL = URL(fileURLWithPath: words.removeFirst())
        process.arguments = words + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = PipeReader(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError(
                "\(program) \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): "
                    + String(decoding: errorData.wait(), as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
