import Foundation

/// Runs the repository's Python helper scripts for tests.
public enum Python {
    /// The repository root, found from this file's location (`Tests/TestSupport/Python.swift`).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs `python3 <root>/<script> <arguments>` and returns its standard output.
    /// - Throws: ``PythonError`` when the script exits with a failure.
    public static func run(script: String, arguments: [String]) throws -> Data {
        let result = try ChildProcess.run(
            "/usr/bin/env", ["python3", repositoryRoot.appendingPathComponent(script).path] + arguments)
        guard result.status == 0 else {
            throw PythonError(script: script, status: result.status, message: result.stderr)
        }
        return result.stdoutData
    }
}

/// A helper script failed.
public struct PythonError: Error, CustomStringConvertible {
    public var script: String
    public var status: Int32
    public var message: String

    public var description: String { "\(script) exited with \(status): \(message)" }
}
