import Foundation
import Lab
import LabCore
import Logging
import Transcripts
import Synchronization

/// `chatlab bench serve`: conversations per second against a running bot server, next to wrk on the same endpoint.
///
/// At each concurrency level, that many conversations at a time (a script chatter against an http chatter on
/// ``url``) run through the experiment runner, and the http chatter's requests per second over the conversation
/// phase count; wrk then runs with as many connections, each carrying conversations of the same lines and length
/// (`scripts/wrk_chat.lua`), so that the server does the same work for both. An `https` endpoint is measured the
/// same way: the http chatter verifies the server against ``caFile``; wrk never verifies certificates.
public struct ServeBenchmark: Sendable {
    /// The server's chat endpoint (`http` or `https`).
    public var url: String
    /// Rounds per conversation.
    public var rounds: Int
    /// Conversations per concurrency slot at each level.
    public var conversations: Int
    /// A PEM CA the http chatter trusts (its `ca_file` option), for an https server with a private CA; not used for
    /// an http ``url``.
    public var caFile: String?

    public init(url: String, rounds: Int, conversations: Int, caFile: String? = nil) {
        self.url = url
        self.rounds = rounds
        self.conversations = conversations
        self.caFile = caFile
    }

    /// Whether ``url`` is served over TLS.
    public var isTLS: Bool { url.lowercased().hasPrefix("https://") }

    /// The config of one level: `level × conversations` runs, `level` at a time, scorers off; for an https ``url``,
    /// ``caFile`` (made absolute, since the config has no folder of its own) becomes the http chatter's `ca_file`.
    public func config(level: Int) -> String {
        var trust = ""
        if isTLS, let caFile {
            trust = ", ca_file: \(Self.quoted(URL(fileURLWithPath: caFile).standardizedFileURL.path))"
        }
        let request = #"body: {session: "{{session}}", message: "{{message}}"}, reply_path: reply"#
        return """
        name: bench
        runs: \(level * conversations)
        rounds: \(rounds)
        concurrency: \(level)
        chatters:
          chatter1: {kind: script, lines: [Hello there!, What is your name?, I live in Paris., Where do I live?]}
          chatter2: {kind: http, url: \(Self.quoted(url)), \(request)\(trust)}
        scorers:
          stutter: {enabled: false}
          repeated_questions: {enabled: false}
        """
    }

    /// `text` as a double-quoted YAML scalar (JSON's string syntax is a subset of it).
    static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data()
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    /// The experiment of one level.
    /// - Throws: ``ConfigError`` (for a URL the http chatter refuses).
    public func experiment(level: Int) throws -> Experiment {
        try ExperimentLoader().load(text: config(level: level), path: "bench.yaml")
    }

    /// Requests per second of the http chatter over the conversation phase of `experiment` (one level's), and the
    /// failed turns; the report goes to `folder`.
    /// - Throws: the runner's errors.
    public func measure(_ experiment: Experiment, folder: String, logger: Logger) async throws
        -> (rate: Double, errors: Int)
    {
        let clock = Mutex<(start: ContinuousClock.Instant?, end: ContinuousClock.Instant?)>((nil, nil))
        let result = try await ExperimentRunner(experiment: experiment, logger: logger)
            .run(into: ReportFolder(path: folder)) { event in
                switch event {
                case .started: clock.withLock { $0.start = .now }
                case .analyzing: clock.withLock { $0.end = .now }
                default: break
                }
            }
        let (start, end) = clock.withLock { ($0.start!, $0.end!) }
        let requests = result.analysis.runs.reduce(0) { $0 + $1.counts.chatter2Turns }
        let errors = result.analysis.runs.reduce(0) { $0 + $1.counts.errors }
        let elapsed = (end - start).components
        return (Double(requests) / (Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18), errors)
    }

    /// wrk's requests per second with `connections` connections for `seconds`, each carrying one conversation at a
    /// time of ``rounds`` messages, the same lines the benchmark's script chatter says (`scripts/wrk_chat.lua`, from
    /// the working directory); `nil` when wrk is missing or fails.
    public func wrk(connections: Int, seconds: Int) -> Double? {
        let threads = min(2, connections)
        let output = try? BenchProcess.run(
            "/usr/bin/env",
            ["wrk", "-t", "\(threads)", "-c", "\(connections)", "-d", "\(seconds)s", "-s", "scripts/wrk_chat.lua", url],
            environment: ["WRK_SESSIONS": "\(connections)", "WRK_THREADS": "\(threads)", "WRK_ROUNDS": "\(rounds)"])
        let line = output?.split(separator: "\n").first { $0.contains("Requests/sec:") }
        return line.flatMap { Double($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
    }

    /// This process's peak resident memory (VmHWM), in MB; 0 when unknown.
    public static func peakMegabytes() -> Double {
        Double(WorkbookBenchmark.peakResidentKB() ?? 0) / 1024
    }
}
