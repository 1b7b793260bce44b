import LabCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sentence embeddings from an OpenAI-compatible server: `POST <base>/embeddings` with
/// `{"model": ..., "input": [texts]}` and `Authorization: Bearer <key>`, reading `data[i].embedding` in `index`
/// order. The vectors are scaled to unit length (servers usually send them so already).
///
/// `encode` is synchronous, like the protocol: it blocks the calling thread until the server answers (at most
/// ``timeout`` seconds per request). Call it from a background thread or task, not from the main actor.
public struct RemoteEncoder: TextEncoder {
    /// `<base>/embeddings` when the base URL ends in `/v1`, else `<base>/v1/embeddings`.
    public let endpoint: URL
    public let model: String
    public var timeout: TimeInterval = 60
    /// The most texts sent in one request; more are split into several.
    public var batchSize = 128
    private let apiKey: String?
    private let learnedDimension: Locked<Int>

    /// - Parameters:
    ///   - baseURL: e.g. `https://api.example.com/v1` or `http://127.0.0.1:8080`.
    ///   - apiKey: sent as a bearer token; nil sends no Authorization header.
    ///   - dimension: the vector length, if known; otherwise learned from the first reply.
    public init(baseURL: URL, model: String, apiKey: String?, dimension: Int? = nil) {
        let base = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        endpoint = URL(string: base.hasSuffix("/v1") ? base + "/embeddings" : base + "/v1/embeddings")!
        self.model = model
        self.apiKey = apiKey
        learnedDimension = Locked(dimension ?? 0)
    }

    /// An encoder whose API key is read from the environment variable `apiKeyVariable`.
    /// - Throws: ``RemoteEncoderError/missingAPIKey(variable:)`` when it is unset or empty.
    public init(baseURL: URL, model: String, apiKeyVariable: String,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let key = environment[apiKeyVariable], !key.isEmpty else {
            throw RemoteEncoderError.missingAPIKey(variable: apiKeyVariable)
        }
        self.init(baseURL: baseURL, model: model, apiKey: key)
    }

    /// The vector length given at `init` or learned from the first reply; 0 before that.
    public var dimension: Int { learnedDimension.withLock { $0 } }

    public func encode(_ texts: [String]) throws -> [[Float]] {
        var vectors: [[Float]] = []
        for start in stride(from: 0, to: texts.count, by: batchSize) {
            vectors += try request(Array(texts[start..<min(start + batchSize, texts.count)]))
        }
        return vectors
    }

    private func request(_ texts: [String]) throws -> [[Float]] {
        var request = URLRequest(url: endpoint, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        request.httpBody = try JSONSerialization.data(withJSONObject: ["model": model, "input": texts])
        let (data, status) = try BlockingHTTP.send(request)
        let url = endpoint.absoluteString
        guard status == 200 else {
            throw RemoteEncoderError.http(url: url, status: status, message: Self.errorMessage(data))
        }
        let vectors = try EmbeddingsReply.vectors(from: data, count: texts.count, url: url)
        let length = vectors[0].count
        try learnedDimension.withLock { known in
            if known == 0 { known = length }
            guard known == length else {
                throw RemoteEncoderError.malformedReply(
                    url: url, reason: "vectors of length \(length), earlier ones had \(known)")
            }
        }
        return vectors
    }

    /// The server's `error.message`, or the start of its body.
    private static func errorMessage(_ data: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return message }
            if let message = object["error"] as? String { return message }
        }
        let text = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "(empty body)" : text
    }
}
