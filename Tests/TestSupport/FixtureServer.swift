import Foundation

/// A Python test server from `Tests/Fixtures`, started on a free port of 127.0.0.1 (the script binds port 0 and prints
/// the port on its first line) and stopped when this value is released.
public final class FixtureServer: @unchecked Sendable {
    public let port: Int
    private let child: ChildProcess

    /// Starts `Tests/Fixtures/<script>` with `arguments` after the script path.
    public init(script: String, arguments: [String] = []) throws {
        let child = try ChildProcess(
            "/usr/bin/env",
            ["python3", Python.repositoryRoot.appendingPathComponent("Tests/Fixtures/\(script)").path] + arguments,
            input: .open, stderr: .discarded)
        guard let line = child.firstLine(matching: #"^\d+$"#, timeout: 60), let port = Int(line) else {
            child.closeInput()
            child.terminate()
            throw PythonError(script: script, status: -1, message: "did not print its port")
        }
        self.child = child
        self.port = port
    }

    /// `http://127.0.0.1:<port>` plus `path`.
    public func url(_ path: String = "") -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// Closes the server's standard input (it exits on end of input) and waits for it to end.
    public func stop() {
        child.closeInput()
        if child.isRunning { child.terminate() }
    }

    deinit { stop() }
}
