import Foundation

/// A Python test server from `Tests/Fixtures`, started on a free port of 127.0.0.1 (the script binds port 0 and prints
/// the port on its first line) and stopped when this value is released.
public final class FixtureServer: @unchecked Sendable {
    public let port: Int
    private let process: Process
    private let input: Pipe

    /// Starts `Tests/Fixtures/<script>` with `arguments` after the script path.
    public init(script: String, arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Python.repositoryRoot.appendingPathComponent("Tests/Fixtures/\(script)").path]
            + arguments
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            try? input.fileHandleForWriting.close()
            process.terminate()
            throw PythonError(script: script, status: -1, message: "did not print its port")
        }
        self.process = process
        self.input = input
        self.port = port
    }

    /// `http://127.0.0.1:<port>` plus `path`.
    public func url(_ path: String = "") -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// Closes the server's standard input (it exits on end of input) and waits for it to end.
    public func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
