import Foundation

/// A server started for a test (the `chatlab serve` binary or a Python fixture), stopped when released.
///
/// Start it, then wait for the line it prints once it listens; the port is read from that line.
public final class ServerProcess: @unchecked Sendable {
    public let child: ChildProcess
    /// The port from the server's first matching line.
    public let port: Int

    /// Starts `chatlab serve --bot <kind> --port 0` and waits for "serving <kind> on http://127.0.0.1:P".
    public static func chatlabServe(bot: String, extra: [String] = []) throws -> ServerProcess {
        let child = try ChatlabProcess.start(["serve", "--bot", bot, "--port", "0"] + extra)
        return try ServerProcess(child, pattern: #"^serving \S+ on http://127\.0\.0\.1:(\d+)$"#)
    }

    /// Starts `Tests/Fixtures/fault_server.py` and waits for "port N".
    public static func faultServer() throws -> ServerProcess {
        let child = try ChildProcess("/usr/bin/env", ["python3", "\(ChatlabProcess.root)/Tests/Fixtures/fault_server.py"])
        return try ServerProcess(child, pattern: #"^port (\d+)$"#)
    }

    init(_ child: ChildProcess, pattern: String, timeout: TimeInterval = 20) throws {
        self.child = child
        let line = child.firstLine(matching: pattern, timeout: timeout)
        guard let line, let match = line.range(of: #"\d+$"#, options: .regularExpression), let port = Int(line[match]) else {
            child.kill()
            throw ServerProcessError(message: "the server printed no line matching \(pattern) within \(timeout) s")
        }
        self.port = port
    }

    /// SIGKILL: the test runner's children may inherit an ignored SIGTERM.
    deinit { child.kill() }

    /// `http://127.0.0.1:<port>`.
    public var base: String { "http://127.0.0.1:\(port)" }
}

public struct ServerProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
