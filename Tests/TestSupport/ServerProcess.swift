import Foundation

/// A server started for a test (the `chatlab serve` binary or a Python fixture), stopped when released.
///
/// Start it, then wait for the line it prints once it listens; the port is read from that line.
public final class ServerProcess: @unchecked Sendable {
    public let child: ChildProcess
    /// The port from the server's first matching line.
    public let port: Int
    /// `https` for a server started with a certificate, else `http`.
    public let scheme: String

    /// Starts `chatlab serve --bot <kind> --port 0` and waits for "serving <kind> on http://127.0.0.1:P" (`https`
    /// when `extra` holds `--tls-cert`).
    public static func chatlabServe(bot: String, extra: [String] = []) throws -> ServerProcess {
        let child = try ChatlabProcess.start(["serve", "--bot", bot, "--port", "0"] + extra)
        let scheme = extra.contains("--tls-cert") ? "https" : "http"
        let pattern = #"^serving \S+ on "# + scheme + #"://127\.0\.0\.1:(\d+)$"#
        return try ServerProcess(child, pattern: pattern, scheme: scheme)
    }

    /// Starts `chatlab serve --with <file> --port 0` (a chatter described in a YAML file) and waits for its line.
    public static func chatlabServe(chatterFile: String) throws -> ServerProcess {
        let child = try ChatlabProcess.start(["serve", "--with", chatterFile, "--port", "0"])
        return try ServerProcess(child, pattern: #"^serving \S+ on http://127\.0\.0\.1:(\d+)$"#)
    }

    /// Starts `Tests/Fixtures/fault_server.py` and waits for "port N"; with `tls` (PEM certificate and key files, e.g.
    /// a ``ThrowawayCA``'s) it serves every mode over TLS only.
    public static func faultServer(tls: (certificate: String, key: String)? = nil) throws -> ServerProcess {
        let options = tls.map { ["--tls", $0.certificate, $0.key] } ?? []
        let child = try ChildProcess(
            "/usr/bin/env", ["python3", "\(ChatlabProcess.root)/Tests/Fixtures/fault_server.py"] + options)
        return try ServerProcess(child, pattern: #"^port (\d+)$"#, scheme: tls == nil ? "http" : "https")
    }

    init(_ child: ChildProcess, pattern: String, scheme: String = "http", timeout: TimeInterval = 20) throws {
        self.child = child
        self.scheme = scheme
        let line = child.firstLine(matching: pattern, timeout: timeout)
        guard let line, let match = line.range(of: #"\d+$"#, options: .regularExpression), let port = Int(line[match]) else {
            child.kill()
            throw ServerProcessError(message: "the server printed no line matching \(pattern) within \(timeout) s")
        }
        self.port = port
    }

    /// SIGKILL: the test runner's children may inherit an ignored SIGTERM.
    deinit { child.kill() }

    /// `http://127.0.0.1:<port>`, or `https://...` for a TLS server.
    public var base: String { "\(scheme)://127.0.0.1:\(port)" }
}

public struct ServerProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
