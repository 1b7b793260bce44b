import Foundation

/// A child process started by a test: every test that runs a program goes through this one type.
///
/// Standard output and standard error are captured (each read to its end on a background thread, so the child never
/// blocks on a full pipe) or discarded; standard input is closed from the start, fed from given data and then
/// closed, or kept open for ``write(_:)``. A child still running when the value is released is killed (SIGKILL: the
/// test runner's children may inherit an ignored SIGTERM).
///
/// `@unchecked Sendable`: `Process` is thread-safe for the calls made here; the rest is immutable.
public final class ChildProcess: @unchecked Sendable {
    /// What the child reads on standard input.
    public enum Input: Sendable {
        /// End of input at once.
        case closed
        /// These bytes, then end of input.
        case data(Data)
        /// A pipe kept open: ``write(_:)`` feeds it and ``closeInput()`` ends it.
        case open
    }

    /// What happens to one of the child's outputs.
    public enum Output: Sendable {
        /// Read into memory; see ``Result`` and ``firstLine(matching:timeout:)``.
        case captured
        /// Thrown away (`/dev/null`).
        case discarded
    }

    /// How a child ended, and what it printed (empty for a discarded output).
    public struct Result: Sendable {
        /// The exit status, or the signal's number when ``signaled``.
        public var status: Int32
        /// It was ended by a signal.
        public var signaled: Bool
        public var stdoutData: Data
        public var stderrData: Data

        public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        public var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    }

    private let process = Process()
    private let input: FileHandle?
    private let output: BackgroundRead?
    private let errors: BackgroundRead?

    /// Starts `executable` (a path) with `arguments`.
    /// - Parameters:
    ///   - environment: added to this process's environment (a key given here wins).
    ///   - directory: the working directory (default: this process's).
    /// - Throws: Foundation's error when it cannot be started.
    public init(
        _ executable: String, _ arguments: [String] = [], environment: [String: String] = [:],
        directory: String? = nil, input: Input = .closed, stdout: Output = .captured, stderr: Output = .captured
    ) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let inputPipe: Pipe?
        switch input {
        case .closed:
            inputPipe = nil
            process.standardInput = FileHandle.nullDevice
        case .data, .open:
            inputPipe = Pipe()
            process.standardInput = inputPipe
        }
        func pipe(_ mode: Output) -> Pipe? { mode == .captured ? Pipe() : nil }
        let outputPipe = pipe(stdout)
        let errorPipe = pipe(stderr)
        process.standardOutput = outputPipe ?? FileHandle.nullDevice
        process.standardError = errorPipe ?? FileHandle.nullDevice
        try process.run()
        self.input = inputPipe?.fileHandleForWriting
        output = outputPipe.map { BackgroundRead($0.fileHandleForReading) }
        errors = errorPipe.map { BackgroundRead($0.fileHandleForReading) }
        if case .data(let data) = input {
            write(data)
            closeInput()
        }
    }

    /// Runs `executable` to its end (see ``init(_:_:environment:directory:input:stdout:stderr:)``).
    public static func run(
        _ executable: String, _ arguments: [String] = [], environment: [String: String] = [:],
        directory: String? = nil, input: Input = .closed, stdout: Output = .captured, stderr: Output = .captured
    ) throws -> Result {
        try ChildProcess(
            executable, arguments, environment: environment, directory: directory, input: input, stdout: stdout,
            stderr: stderr
        ).wait()
    }

    deinit {
        if process.isRunning { kill() }
        try? input?.close()
    }

    /// The child's process id.
    public var pid: Int32 { process.processIdentifier }

    public var isRunning: Bool { process.isRunning }

    /// Feeds `data` to standard input (started with ``Input/open``); a child that stopped reading is ignored.
    public func write(_ data: Data) {
        try? input?.write(contentsOf: data)
    }

    /// Feeds `text` (UTF-8) to standard input.
    public func write(_ text: String) { write(Data(text.utf8)) }

    /// Ends standard input.
    public func closeInput() { try? input?.close() }

    /// The first line of captured standard output matching the regular expression `pattern`, as soon as it comes;
    /// `nil` when output ends, or `timeout` seconds pass, first.
    public func firstLine(matching pattern: String, timeout: TimeInterval) -> String? {
        output?.firstLine(matching: pattern, timeout: timeout)
    }

    /// Waits for the child to end and for its outputs to close.
    public func wait() -> Result {
        let out = output?.wait() ?? Data()
        let err = errors?.wait() ?? Data()
        process.waitUntilExit()
        return result(out, err)
    }

    /// Waits at most `timeout` seconds for the child to end; `nil` when it is still running then (it is not stopped).
    public func wait(timeout: TimeInterval) -> Result? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline { return nil }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return wait()
    }

    /// Sends SIGTERM and waits for the child to end.
    @discardableResult
    public func terminate() -> Result {
        if process.isRunning { process.terminate() }
        return wait()
    }

    /// Sends SIGKILL (which no child can ignore) and waits for it to end; its outputs are read for at most two more
    /// seconds (a grandchild may hold them open).
    @discardableResult
    public func kill() -> Result {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return result(output?.wait(upTo: 2) ?? Data(), errors?.wait(upTo: 2) ?? Data())
    }

    private func result(_ out: Data, _ err: Data) -> Result {
        Result(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            stdoutData: out, stderrData: err)
    }
}
