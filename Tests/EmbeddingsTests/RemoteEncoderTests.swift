import Embeddings
import Foundation
import Testing

@Test func remoteEncoderReadsVectorsInInputOrder() throws {
    let server = try LocalEmbeddingsServer()
    var encoder = RemoteEncoder(baseURL: server.baseURL, model: "test-model", apiKey: LocalEmbeddingsServer.apiKey)
    #expect(encoder.endpoint.absoluteString == "http://127.0.0.1:\(server.port)/v1/embeddings")
    #expect(encoder.dimension == 0)
    encoder.batchSize = 2
    let vectors = try encoder.encode(["one", "two", "three", "one"])
    #expect(vectors.count == 4)
    #expect(vectors[0] == vectors[3])
    #expect(vectors[0] != vectors[1])
    for vector in vectors {
        #expect(vector.count == 8)
        #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
    }
    #expect(encoder.dimension == 8)
    #expect(try encoder.encode([]).isEmpty)
}

@Test func remoteEncoderAddsV1WhenTheBaseURLLacksIt() throws {
    let server = try LocalEmbeddingsServer()
    let encoder = RemoteEncoder(
        baseURL: URL(string: "http://127.0.0.1:\(server.port)/")!, model: "m", apiKey: LocalEmbeddingsServer.apiKey)
    #expect(encoder.endpoint.absoluteString == "http://127.0.0.1:\(server.port)/v1/embeddings")
    #expect(try encoder.encode(["x"])[0].count == 8)
}

@Test func aWrongKeyGivesA401NamingTheURL() throws {
    let server = try LocalEmbeddingsServer()
    let encoder = RemoteEncoder(baseURL: server.baseURL, model: "test-model", apiKey: "wrong")
    let url = "http://127.0.0.1:\(server.port)/v1/embeddings"
    #expect(throws: RemoteEncoderError.http(url: url, status: 401, message: "Incorrect API key provided.")) {
        try encoder.encode(["hello"])
    }
    let description = "\(RemoteEncoderError.http(url: url, status: 401, message: "Incorrect API key provided."))"
    #expect(description.contains(url) && description.contains("HTTP 401") && description.contains("API key"))
}

@Test func aMalformedReplyIsATypedError() throws {
    let server = try LocalEmbeddingsServer()
    let url = "http://127.0.0.1:\(server.port)/v1/embeddings"
    let malformed = RemoteEncoder(baseURL: server.baseURL, model: "malformed", apiKey: LocalEmbeddingsServer.apiKey)
    #expect(throws: RemoteEncoderError.malformedReply(url: url, reason: "the body is not a JSON object")) {
        try malformed.encode(["hello"])
    }
    let short = RemoteEncoder(baseURL: server.baseURL, model: "wrong-count", apiKey: LocalEmbeddingsServer.apiKey)
    #expect(throws: RemoteEncoderError.malformedReply(url: url, reason: "1 embeddings for 2 texts")) {
        try short.encode(["a", "b"])
    }
    let failing = RemoteEncoder(baseURL: server.baseURL, model: "server-error", apiKey: LocalEmbeddingsServer.apiKey)
    #expect(throws: RemoteEncoderError.http(url: url, status: 500, message: "the model crashed")) {
        try failing.encode(["a"])
    }
}

@Test func aServerThatIsNotThereIsATransportError() throws {
    let port: Int
    do { port = try LocalEmbeddingsServer().port }  // started and stopped: the port is free again
    let encoder = RemoteEncoder(baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, model: "m", apiKey: "k")
    do {
        _ = try encoder.encode(["x"])
        Issue.record("expected a transport error")
    } catch let error as RemoteEncoderError {
        guard case .transport(let url, _) = error else { Issue.record("got \(error)"); return }
        #expect(url == "http://127.0.0.1:\(port)/v1/embeddings")
    }
}

@Test func theAPIKeyComesFromTheNamedVariable() throws {
    #expect(throws: RemoteEncoderError.missingAPIKey(variable: "NO_SUCH_KEY")) {
        try RemoteEncoder(baseURL: URL(string: "http://127.0.0.1:1")!, model: "m", apiKeyVariable: "NO_SUCH_KEY",
                          environment: [:])
    }
    let encoder = try RemoteEncoder(baseURL: URL(string: "http://127.0.0.1:1/v1")!, model: "m",
                                    apiKeyVariable: "KEY", environment: ["KEY": "secret"])
    #expect(encoder.model == "m")
}
