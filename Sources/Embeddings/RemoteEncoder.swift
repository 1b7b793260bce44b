import Foundation
import LLM
import LabCore
import Transport

/// Sentence embeddings from an OpenAI-compatible server, through the shared ``LLM/OpenAIClient``:
/// `POST <base>/embeddings` with `{"model": ..., "input": [texts]}` and `Authorization: Bearer <key>`, reading
/// `data[i].embedding` in `index` order. The vectors are scaled to unit length (servers usually send them so already).
///
/// `encode` is synchronous, like the protocol: the request runs as a task and the calling thread waits for it (at
/// most ``timeout`` seconds per request, ``BlockingWait``). Call it from a thread of its own (the scorers'
/// ``LabCore/BlockingWork``), never from Swift's cooperative pool.
public struct RemoteEncoder: TextEncoder {
    /// `<base>/embeddings` when the base URL ends in `/v1`, else `<base>/v1/embeddings`.
    public let endpoint: URL
    public let model: String
    /// Seconds per request.
    public var timeout: TimeInterval = 60 {
        didSet { client.timeout = .milliseconds(Int64(min(timeout, 86_400) * 1000)) }
    }
    /// The most texts sent in one request; more are split into several.
    public var batchSize = 128
    private var client: OpenAIClient
    private let learnedDimension: Locked<Int>

    /// - Parameters:
    ///   - baseURL: e.g. `https://api.example.com/v1` or `http://127.0.0.1:8080`.
    ///   - apiKey: sent as a bearer token; nil sends no Authorization header.
    ///   - dimension: the vector length, if known; otherwise learned from the first reply.
    ///   - settings: TLS trust (a private CA, or none for a self-signed test server) and the connect limit.
    public init(baseURL: URL, model: String, apiKey: String?, dimension: Int? = nil,
                settings: ClientSettings = ClientSettings()) {
        let base = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        let root = base.hasSuffix("/v1") ? base : base + "/v1"
        endpoint = URL(string: root + "/embeddings")!
        self.model = model
        client = OpenAIClient(
            baseURL: Endpoint(root, schemes: ["http", "https"]) ?? Endpoint("http://invalid/v1", schemes: ["http"])!,
            apiKey: apiKey, timeout: .seconds(60), retry: RetryPolicy(retries: 1), settings: settings,
            maxReplyBytes: BlockingFetch.defaultMaxBytes)
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
        let url = endpoint.absoluteString
        let (client, model) = (client, model)
        let vectors: [[Float]]
        do {
            vectors = try BlockingWait.run { try await client.embed(model: model, inputs: texts) }
        } catch let failure as NetworkFailure {
            switch failure {
            case .http(let status, let message): throw RemoteEncoderError.http(url: url, status: status, message: message)
            case .malformed(let reason): throw RemoteEncoderError.malformedReply(url: url, reason: reason)
            default: throw RemoteEncoderError.transport(url: url, message: failure.message)
            }
        }
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
}
