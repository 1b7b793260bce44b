import Foundation
import TestSupport

/// Tests/Fixtures/embeddings_server.py on a free port of 127.0.0.1 (it checks `apiKey`), stopped when released.
final class LocalEmbeddingsServer {
    static let apiKey = "test-key"
    let server: FixtureServer

    var port: Int { server.port }
    var baseURL: URL { server.url("/v1") }

    init() throws {
        server = try FixtureServer(script: "embeddings_server.py", arguments: ["0", Self.apiKey])
    }
}
