import Foundation

/// A server started for a test (the `chatlab serve` binary or a Python fixture), stopped when released.
///
/// Start it, then wait for the line it prints once it listens; the port is read from that line.
public final class ServerProcess: @unchecked Sendable {
    public let process: Process
    /// The port from the server's first matching line.
    public let port: Int
    private let errors: Pipe

    /// Starts `chatlab serve --bot <kind> --port 0` and waits for "serving <kind> on http://127.0.0.1:P".
    public static func chatlabServe(bot: String, extra: [String] = []) throws -> ServerProcess {
        let (process, _, stdout, stderr) = try ChatlabProcess.start(["serve", "--bot", bot, "--port", "0"] + extra)
        return try ServerProcess(process, stdout: stdout, stderr: stderr, pattern: #"^serving \S+ on http://127\.0\.0\.1:(\d+)$"#)
    }

    /// Starts `Tests/Fixtures/fault_server.py` and waits for "port N".
    public static func faultServer() throws -> ServerProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "\(ChatlabProcess.root)/Tests/Fixtures/fault_server.py"]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return try ServerProcess(process, stdout: stdout, stderr: stderr, pattern: #"^port (\d+)$"#)
    }

    init(_ process: Process, stdout: Pipe, stderr: Pipe, pattern: String, timeout: TimeInterval = 20) throws {
        self.process = process
        errors = stderr
        let line = LineWaiter(stdout.fileHandleForReading).firstLine(matching: pattern, timeout: timeout)
        guard let line, let match = line.range(of: #"\d+$"#, options: .regularExpression), let port = Int(line[match]) else {
            kill(process.processIdentifier, SIGKILL)
            throw ServerProcessError(message: "the server printed no line matching \(pattern) within \(timeout) s")
        }
        self.port = port
    }

    deinit {
        // SIGKILL: the test runner's children may inherit an ignored SIGTERM.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// `http://127.0.0.1:<port>`.
    public var base: String { "http://127.0.0.1:\(port)" }
}

public struct ServerProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Reads a pipe on a background thread until a line matches.
private final class LineWaiter: @unchecked Sendable {
    private let handle: FileHandle
    private let found = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var line: String?

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    func firstLine(matching pattern: String, timeout: TimeInterval) -> String? {
        DispatchQueue.global().async {
            var buffer = ""
            while true {
                let data = self.handle.availableData
                if data.isEmpty { break }
                buffer += String(decoding: data, as: UTF8.self)
                for candidate in buffer.split(separator: "\n") where candidate.range(of: pattern, options: .regularExpression) != nil {
                    self.lock.lock()
                    self.line = String(candidate)
                    self.lock.unlock()
                    self.found.signal()
                    return
                }
            }
            self.found.signal()
        }
        _ = found.wait(timeout: .now() + timeout)
        lock.lock()
        defer { lock.unlock() }
        return line
    }
}

/// Runs the built `chatlab` with extra environment variables (e.g. a secret for `${ENV}` headers).
public enum ChatlabWithEnvironment {
    public static func run(_ arguments: [String], environment: [String: String]) throws -> ChatlabProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ChatlabProcess.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: ChatlabProcess.root)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errorData = BackgroundRead(errors.fileHandleForReading)
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ChatlabProcess.Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: errorData.wait(), as: UTF8.self))
    }
}
