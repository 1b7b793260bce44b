import ArgumentParser
import Benchmarks
import Foundation
import Logging

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
            let benchmark = ServeBenchmark(url: url, rounds: rounds, conversations: conversations)
            var logger = Logger(label: "bench") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .error
            print("concurrency  chatlab req/s  wrk req/s  chatlab/wrk  errors")
            for level in concurrency {
                let experiment = try CLIErrors.reporting { try benchmark.experiment(level: level) }
                let (rate, errors) = try await benchmark.measure(experiment, folder: "\(folder)/c\(level)", logger: logger)
                let wrk = wrkSeconds > 0 ? benchmark.wrk(connections: level, seconds: wrkSeconds) : nil
                let ratio = wrk.map { String(format: "%10.0f %%", rate / $0 * 100) } ?? "          -"
                print(String(format: "%11d  %13.0f  %9@  %@  %6d", level, rate,
                    wrk.map { String(format: "%.0f", $0) } ?? "-", ratio, errors))
            }
            print(String(format: "peak memory of this process: %.1f MB", ServeBenchmark.peakMegabytes()))
        }
    }
}
