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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes before waiting, so a full pipe cannot block the script.
        let errorData = BackgroundRead(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonError(
                script: script, status: process.terminationStatus,
                message: String(decoding: errorData.wait(), as: UTF8.self))
        }
        return data
    }
}

/// A helper script failed.
public struct PythonError: Error, CustomStringConvertible {
    public var script: String
    public var status: Int32
    public var message: String

    public var description: String { "\(script) exited with \(status): \(message)" }
}
