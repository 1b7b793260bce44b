import ArgumentParser
import Foundation
import Lab
import LabCore
import Transcripts
import Logging
import Synchronization

extension ChatLab {
    /// `chatlab bench serve`: conversations per second against a running `chatlab serve`, next to wrk.
    struct BenchServe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Measure chatter requests per second against a bot server, next to wrk on the same endpoint.",
            discussion: """
                Start a server first (make bench does it all): chatlab serve --bot reference --port 8099
                For each concurrency level, runs that many conversations at a time (a script against an http
                chatter on URL), counts the http chatter's requests per second over the conversation phase, then
                runs wrk with as many connections on the same endpoint, each connection carrying conversations of
                the same lines and length (scripts/wrk_chat.lua), so the server does the same work for both. Prints a
                table and this process's peak memory. Build with -c release for meaningful numbers.
                """)

        @Option(help: "The server's chat endpoint.")
        var url = "http://127.0.0.1:8099/chat"

        @Option(parsing: .upToNextOption, help: "Concurrency levels.")
        var concurrency: [Int] = [1, 8, 64]

        @Option(help: "Rounds per conversation.")
        var rounds = 50

        @Option(help: "Conversations per concurrency slot at each level.")
        var conversations = 4

        @Option(help: "Seconds wrk runs at each level (0: skip wrk).")
        var wrkSeconds = 5

        func run() async throws {
            let folder = NSTemporaryDirectory() + "chatlab-bench-serve-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            print("concurrency  chatlab req/s  wrk req/s  chatlab/wrk  errors")
            for level in concurrency {
                let (rate, errors) = try await measure(level: level, folder: "\(folder)/c\(level)")
                let wrk = wrkSeconds > 0 ? Self.wrk(url: url, connections: level, seconds: wrkSeconds, rounds: rounds) : nil
                let ratio = wrk.map { String(format: "%10.0f %%", rate / $0 * 100) } ?? "          -"
                print(String(format: "%11d  %13.0f  %9@  %@  %6d", level, rate,
                    wrk.map { String(format: "%.0f", $0) } ?? "-", ratio, errors))
            }
            print(String(format: "peak memory of this process: %.1f MB", Self.peakMegabytes()))
        }

        /// Requests per second of the http chatter over the conversation phase, and the failed turns.
        private func measure(level: Int, folder: String) async throws -> (Double, Int) {
            let config = """
                name: bench
                runs: \(level * conversations)
                rounds: \(rounds)
                concurrency: \(level)
                chatters:
                  chatter1: {kind: script, lines: [Hello there!, What is your name?, I live in Paris., Where do I live?]}
                  chatter2: {kind: http, url: "\(url)", body: {session: "{{session}}", message: "{{message}}"}, reply_path: reply}
                scorers:
                  stutter: {enabled: false}
                  repeated_questions: {enabled: false}
                """
            let experiment = try CLIErrors.reporting { try ExperimentLoader().load(text: config, path: "bench.yaml") }
            let clock = Mutex<(start: ContinuousClock.Instant?, end: ContinuousClock.Instant?)>((nil, nil))
            var logger = Logger(label: "bench") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .error
            let result = try await ExperimentRunner(experiment: experiment, logger: logger)
                .run(into: ReportFolder(path: folder)) { event in
                    switch event {
                    case .started: clock.withLock { $0.start = .now }
                    case .analyzing: clock.withLock { $0.end = .now }
                    default: break
                    }
                }
            let (start, end) = clock.withLock { ($0.start!, $0.end!) }
            let requests = result.analysis.runs.reduce(0) { $0 + ($1.counts.turnsBySeat[.chatter2] ?? 0) }
            let errors = result.analysis.runs.reduce(0) { $0 + $1.counts.errors }
            return (Double(requests) / (end - start).seconds, errors)
        }

        /// wrk's requests per second, or nil when wrk is missing or fails.
        /// wrk's requests per second with `connections` connections, each carrying one conversation at a time of
        /// `rounds` messages, the same lines the benchmark's script chatter says (scripts/wrk_chat.lua).
        static func wrk(url: String, connections: Int, seconds: Int, rounds: Int) -> Double? {
            let process = Process()
            let threads = min(2, connections)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "wrk", "-t", "\(threads)", "-c", "\(connections)", "-d", "\(seconds)s", "-s", "scripts/wrk_chat.lua", url,
            ]
            process.environment = ProcessInfo.processInfo.environment.merging([
                "WRK_SESSIONS": "\(connections)", "WRK_THREADS": "\(threads)", "WRK_ROUNDS": "\(rounds)",
            ]) { $1 }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = Pipe()
            guard (try? process.run()) != nil else { return nil }
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let line = output.split(separator: "\n").first { $0.contains("Requests/sec:") }
            return line.flatMap { Double($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
        }

        static func peakMegabytes() -> Double {
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
            return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
        }
    }
}
