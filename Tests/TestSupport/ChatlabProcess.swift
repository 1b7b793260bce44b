import Foundation

/// Runs the built `chatlab` binary the way a user does, and captures what it prints.
public enum ChatlabProcess {
    public typealias Result = ChildProcess.Result

    /// The repository root (found from this file's path): the working directory of the runs by default.
    public static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The `chatlab` binary under test: `CHATLAB_BINARY` when set; else the one in the build folder these tests run
    /// from (it sits beside the test bundle, so `swift test --scratch-path .build-x` tests `.build-x`'s binary);
    /// else the repository's `.build/debug/chatlab`.
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["CHATLAB_BINARY"], !path.isEmpty { return path }
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let beside = URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("chatlab").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return "\(root)/.build/debug/chatlab"
    }

    /// Starts `chatlab` with `arguments`, with `environment` added to this process's environment.
    /// - Parameters:
    ///   - input: standard input (default: a pipe kept open, for ``ChildProcess/write(_:)``).
    ///   - openFileLimit: a soft limit on open files to start it under (`ulimit -Sn`), as on a stock machine.
    ///   - directory: the working directory (default: the repository's root).
    /// - Throws: `CocoaError(.fileNoSuchFile)` naming the binary when it is not built.
    public static func start(
        _ arguments: [String], environment: [String: String] = [:], openFileLimit: Int? = nil,
        directory: String? = nil, input: ChildProcess.Input = .open, stdout: ChildProcess.Output = .captured
    ) throws -> ChildProcess {
        let binary = binary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(binary) (run 'swift build' first)"])
        }
        let (program, words) = openFileLimit.map {
            ("/bin/sh", ["-c", "ulimit -Sn \($0) && exec \"$0\" \"$@\"", binary] + arguments)
        } ?? (binary, arguments)
        return try ChildProcess(
            program, words, environment: environment, directory: directory ?? root, input: input, stdout: stdout)
    }

    /// Runs `chatlab` to the end, feeding `input` on standard input.
    @discardableResult
    public static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], openFileLimit: Int? = nil,
        directory: String? = nil
    ) throws -> Result {
        try start(
            arguments, environment: environment, openFileLimit: openFileLimit, directory: directory,
            input: .data(Data(input.utf8))
        ).wait()
    }
}
