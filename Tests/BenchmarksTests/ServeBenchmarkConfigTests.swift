import Benchmarks
import Foundation
import Lab
import Testing

/// The experiment `chatlab bench serve` runs per level: the endpoint, and for a private CA its `ca_file`.
@Suite struct ServeBenchmarkConfigTests {
    @Test func aPlainEndpointLoadsWithoutACAFile() throws {
        let benchmark = ServeBenchmark(
            url: "http://127.0.0.1:8099/chat", rounds: 3, conversations: 2, caFile: "ca.pem")
        #expect(!benchmark.isTLS)
        #expect(!benchmark.config(level: 4).contains("ca_file"))
        let experiment = try benchmark.experiment(level: 4)
        #expect(experiment.runs == 8)
        #expect(experiment.concurrency == 4)
    }

    @Test func theCAFileIsWrittenAsTheHTTPChattersAbsoluteCAFile() {
        let benchmark = ServeBenchmark(
            url: "https://127.0.0.1:8443/chat", rounds: 3, conversations: 2, caFile: "bench tls/ca.pem")
        #expect(benchmark.isTLS)
        let folder = FileManager.default.currentDirectoryPath
        let line = benchmark.config(level: 1).split(separator: "\n").first { $0.contains("chatter2:") } ?? ""
        #expect(line.contains(#"url: "https://127.0.0.1:8443/chat""#))
        #expect(line.hasSuffix(#", ca_file: "\#(folder)/bench tls/ca.pem"}"#), "\(line)")
    }
}
