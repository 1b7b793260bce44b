import Foundation
import Testing
import TestSupport

/// The example configs in `config/examples/` (one per network kind) are valid as shipped, given their keys.
@Suite struct ExampleConfigTests {
    static let keys = ["OPENAI_API_KEY": "sk-example", "GROQ_API_KEY": "gsk-example", "BOT_TOKEN": "token-example"]

    static var examples: [String] {
        let folder = "\(ChatlabProcess.root)/config/examples"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "config/examples/\($0)" }
    }

    @Test func thereIsOneForEachNetworkKind() throws {
        let texts = try Self.examples.map { try String(contentsOfFile: "\(ChatlabProcess.root)/\($0)", encoding: .utf8) }
        for kind in ["kind: openai", "kind: http", "kind: websocket", "kind: reference"] {
            #expect(texts.contains { $0.contains(kind) }, "no example uses \(kind)")
        }
        #expect(texts.contains { $0.contains("base_url: https://") })
        #expect(texts.contains { $0.contains("url: wss://") })
    }

    @Test(arguments: examples) func validates(_ path: String) throws {
        let result = try ChatlabProcess.run(["validate", path], environment: Self.keys)
        #expect(result.status == 0, "\(path): \(result.stderr)")
        #expect(!result.stdout.contains("sk-example") && !result.stdout.contains("token-example"))
    }

    @Test func aMissingKeyIsNamedWithItsLine() throws {
        let result = try ChatlabProcess.run(
            ["validate", "config/examples/openai-https.yaml"], environment: ["OPENAI_API_KEY": ""])
        #expect(result.status != 0)
        #expect(result.stderr.contains("openai-https.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains("OPENAI_API_KEY"))
    }
}
