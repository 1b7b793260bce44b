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
                For each concurrency level, runs that many conversations at a time (a script against an http \
                chatter on URL), counts the http chatter's requests per second over the conversation phase, then \
                runs wrk with as many connections on the same endpoint, each connection carrying conversations of \
                the same lines and length (scripts/wrk_chat.lua), so the server does the same work for both. Prints a \
                table with a row per endpoint and level, and this process's peak memory. Build with -c release for \
                meaningful numbers. An https endpoint with a private CA needs --ca-file (the http chatter verifies the \
                server with it); wrk never verifies certificates.

                Example: chatlab bench serve --ca-file ca.pem \\
                  --url http://127.0.0.1:8099/chat https://127.0.0.1:8443/chat
                """)

        @Option(parsing: .upToNextOption, help: "The server's chat endpoints, http or https; each gets its rows.")
        var url = ["http://127.0.0.1:8099/chat"]

        @Option(help: "A PEM CA file the http chatter trusts for https endpoints (written as its ca_file option).")
        var caFile: String?

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
            var logger = Logger(label: "bench") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .error
            var failures: [String] = []
            print("transport  concurrency  chatlab req/s  wrk req/s  chatlab/wrk  errors")
            for (index, url) in url.enumerated() {
                let benchmark = ServeBenchmark(
                    url: url, rounds: rounds, conversations: conversations, caFile: caFile)
                for level in concurrency {
                    // A chatlab failure (say, an https client not yet able to) still leaves wrk's number in the row.
                    var measured: (rate: Double, errors: Int)?
                    do {
                        let experiment = try benchmark.experiment(level: level)
                        measured = try await benchmark.measure(
                            experiment, folder: "\(folder)/u\(index)-c\(level)", logger: logger)
                    } catch {
                        failures.append("chatlab against \(url) at concurrency \(level): \(error)")
                    }
                    let wrk = wrkSeconds > 0 ? benchmark.wrk(connections: level, seconds: wrkSeconds) : nil
                    print(row(benchmark.isTLS ? "https" : "http", level, measured, wrk))
                }
            }
            print(String(format: "peak memory of this process: %.1f MB", ServeBenchmark.peakMegabytes()))
            if url.contains(where: { $0.lowercased().hasPrefix("https://") }), wrkSeconds > 0 {
                print("https rows: chatlab verifies the server certificate\(caFile.map { " against \($0)" } ?? ""); "
                    + "wrk does not verify certificates (it never does).")
            }
            guard failures.isEmpty else {
                FileHandle.standardError.write(Data(failures.map { "error: \($0)\n" }.joined().utf8))
                throw ExitCode(1)
            }
        }

        /// One table row, each cell right-aligned under its heading ("-" for what was not measured).
        private func row(_ transport: String, _ level: Int, _ measured: (rate: Double, errors: Int)?, _ wrk: Double?)
            -> String
        {
            func cell(_ value: Double?, _ format: String) -> String { value.map { String(format: format, $0) } ?? "-" }
            func right(_ text: String, _ width: Int) -> String {
                String(repeating: " ", count: max(0, width - text.count)) + text
            }
            let ratio = measured.flatMap { rate in wrk.map { rate.rate / $0 * 100 } }
            return [
                transport + String(repeating: " ", count: max(0, 9 - transport.count)), right("\(level)", 11),
                right(cell(measured?.rate, "%.0f"), 13), right(cell(wrk, "%.0f"), 9), right(cell(ratio, "%.0f %%"), 11),
                right(measured.map { "\($0.errors)" } ?? "-", 6),
            ].joined(separator: "  ")
        }
    }
}
