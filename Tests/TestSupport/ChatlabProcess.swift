import Foundation

/// Runs the built `chatlab` binary the way a user does, and captures what it prints.
public struct ChatlabProcess {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The repository root (found from this file's path).
    public static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The debug binary; tests run after `swift build`.
    public static var binary: String { "\(root)/.build/debug/chatlab" }

    /// Starts `chatlab` with `arguments` (in the repository root unless `directory` says otherwise), with
    /// `environment` added to this process's environment; returns the running process and its pipes.
    /// - Parameter openFileLimit: a soft limit on open files to start it under (`ulimit -Sn`), as on a stock machine.
    /// - Parameter directory: the working directory (default: the repository's root).
    public static func start(
        _ arguments: [String], environment: [String: String] = [:], openFileLimit: Int? = nil,
        directory: String? = nil
    ) throws -> (Process, stdin: Pipe, stdout: Pipe, stderr: Pipe) {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(binary) (run 'swift build' first)"])
        }
        let process = Process()
        if let openFileLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -Sn \(openFileLimit) && exec \"$0\" \"$@\"", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, input, output, errors)
    }

    /// Runs `chatlab` to the end, feeding `input` on standard input.
    @discardableResult
    public static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], openFileLimit: Int? = nil,
        directory: String? = nil
    ) throws -> Result {
        let (process, stdin, stdout, stderr) = try start(
            arguments, environment: environment, openFileLimit: openFileLimit, directory: directory)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errors = BackgroundRead(stderr.fileHandleForReading)
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = errors.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}
