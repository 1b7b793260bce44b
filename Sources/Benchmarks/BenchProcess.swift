import Foundation

/// Child processes of the benchmarks: this binary as a measuring worker, Python helpers, wrk.
public enum BenchProcess {
    /// This binary.
    public static var selfExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// The throwaway venv of the Python comparisons (XlsxWriter, sentence-transformers).
    public static let venv = NSTemporaryDirectory() + "chatlab-bench-venv"

    /// python3 when it can import xlsxwriter; otherwise a venv under /tmp with xlsxwriter installed (once), told to
    /// `note` before installing.
    /// - Throws: ``BenchProcessError/failed(command:status:errors:)`` when the venv cannot be made.
    public static func pythonWithXlsxWriter(note: (String) -> Void) throws -> String {
        if (try? run("/usr/bin/env", ["python3", "-c", "import xlsxwriter"])) != nil { return "/usr/bin/env python3" }
        let python = "\(venv)/bin/python"
        if (try? run(python, ["-c", "import xlsxwriter"])) != nil { return python }
        note("installing XlsxWriter into \(venv)")
        try run("/usr/bin/env", ["python3", "-m", "venv", venv])
        try run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "xlsxwriter"])
        return python
    }

    /// The venv of `make bench-embeddings-compare` when it can import all of `modules`, else python3 if it can;
    /// `nil` when neither can.
    public static func python(importing modules: [String]) -> String? {
        ["\(venv)/bin/python", "/usr/bin/env python3"].first { canImport(modules, python: $0) }
    }

    /// Whether `python` (which may carry its own arguments) can import all of `modules`.
    public static func canImport(_ modules: [String], python: String) -> Bool {
        (try? run(python, ["-c", "import " + modules.joined(separator: ", ")])) != nil
    }

    /// Runs `program` (which may carry its own arguments: `/usr/bin/env python3`) with `arguments` and `environment`
    /// added to this process's, to its end, and returns its standard output. Its stderr is read alongside, so that
    /// neither pipe can fill and block it.
    /// - Throws: ``BenchProcessError/failed(command:status:errors:)`` when it exits non-zero; Foundation's error when
    ///   it cannot start.
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> String
    {
        let process = Process()
        var words = program.split(separator: " ").map(String.init)
        process.executableURL = URL(fileURLWithPath: words.removeFirst())
        process.arguments = words + arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = PipeReader(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchProcessError.failed(
                command: "\(program) \(arguments.joined(separator: " "))", status: process.terminationStatus,
                errors: String(decoding: errorData.wait(), as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
