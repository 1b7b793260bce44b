import LabCore
import Foundation

/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions), computed natively: the same vectors as
/// sentence-transformers (within 1e-5), no Python, no network.
///
/// Texts are tokenized (at most ``maxTokens`` tokens; longer texts are truncated and ``encodeDetailed(_:)`` says so),
/// deduplicated, looked up in the cache, and the rest encoded in stacked forward passes of at most
/// ``maxTokensPerBatch`` tokens on ``threads`` threads (default: OpenBLAS's starting count). Safe to call from
/// any thread; the batches of one encoder run one at a time (each already uses every thread), so a text is never
/// encoded twice.
public struct MiniLMEncoder: TextEncoder {
    public let model: MiniLMModel
    /// The cache, or nil when caching is off (benchmarks).
    public let cache: EmbeddingCache?
    /// The most tokens one stacked forward pass takes (on several threads, the passes in flight together); a call
    /// with more is split. Default: ``MiniLMModel/defaultTokensPerPass``.
    public var maxTokensPerBatch = MiniLMModel.defaultTokensPerPass
    /// How many threads a batch is spread over (this encoder's own setting; nothing process-wide changes).
    public var threads = BLASThreads.initial
    private let computing: Locked<Void>

    /// An encoder over a loaded model, with its own cache (or none).
    public init(model: MiniLMModel, caching: Bool = true) {
        self.model = model
        cache = caching ? EmbeddingCache() : nil
        computing = Locked(())
    }

    /// The process-wide encoder of the installed all-MiniLM-L6-v2: loaded once, one cache for the whole run.
    /// - Throws: ``EmbeddingError/modelNotInstalled(model:path:)`` naming `chatlab models install`.
    /// - Parameter threads: the encoder's thread count (default: OpenBLAS's starting count); the model and cache
    ///   are shared whatever the count.
    public static func shared(store: ModelStore = ModelStore(), threads: Int? = nil) throws -> MiniLMEncoder {
        let folder = try store.requireInstalled(.miniLM)
        let key = folder.standardizedFileURL.path
        let model = try MiniLMModel.load(folder: folder)
        var encoder = sharedEncoders.withLock { encoders in
            if let encoder = encoders[key] { return encoder }
            let encoder = MiniLMEncoder(model: model)
            encoders[key] = encoder
            return encoder
        }
        if let threads { encoder.threads = max(1, threads) }
        return encoder
    }

    private static let sharedEncoders = Locked<[String: MiniLMEncoder]>([:])

    public var dimension: Int { model.config.hiddenSize }

    /// The longest token sequence the model sees, `[CLS]` and `[SEP]` included (256).
    public var maxTokens: Int { model.tokenizer.maxTokens }

    public func encode(_ texts: [String]) throws -> [[Float]] {
        encodeDetailed(texts).map(\.vector)
    }

    /// Encodes `texts` and says, per text, how many tokens the model saw and whether the text was truncated.
    public func encodeDetailed(_ texts: [String]) -> [TextEncoding] {
        guard !texts.isEmpty else { return [] }
        var results = cache?.lookup(texts) ?? Array(repeating: nil, count: texts.count)
        var missing: [String] = []
        var seen = Set<String>()
        for (index, text) in texts.enumerated() where results[index] == nil && seen.insert(text).inserted {
            missing.append(text)
        }
        if !missing.isEmpty {
            let computed = computing.withLock { _ in compute(missing) }
            for index in texts.indices where results[index] == nil { results[index] = computed[texts[index]] }
        }
        return results.map { $0! }
    }

    /// Measures now what forward passes cost on this encoder's threads, which the encoder otherwise does at the first
    /// batch with a choice of plans (about half a second, once per process and thread count).
    public func preparePlans() {
        model.measurePassCosts(threads: threads)
    }

    /// How ``encodeDetailed(_:)`` would run `texts` (uncached) on this encoder's threads, in words: the plan the
    /// encoder chooses for their token counts, e.g. "spread: 8 passes on 2 threads". For benchmarks.
    public func planSummary(_ texts: [String]) -> String {
        model.planSummary(
            lengths: texts.map { model.tokenizer.tokenize($0).ids.count }, threads: threads,
            maxTokensPerPass: maxTokensPerBatch)
    }

    /// Encodes distinct texts (re-checking the cache, which another call may have filled meanwhile).
    private func compute(_ texts: [String]) -> [String: TextEncoding] {
        var found: [String: TextEncoding] = [:]
        let cached = cache?.peek(texts) ?? Array(repeating: nil, count: texts.count)
        var pending: [(text: String, tokens: BertTokenizer.Tokens)] = []
        for (text, hit) in zip(texts, cached) {
            if let hit { found[text] = hit } else { pending.append((text, model.tokenizer.tokenize(text))) }
        }
        let vectors = model.embed(
            tokenized: pending.map(\.tokens.ids), threads: threads, maxTokensPerPass: maxTokensPerBatch)
        var fresh: [String: TextEncoding] = [:]
        for (item, vector) in zip(pending, vectors) {
            fresh[item.text] = TextEncoding(
                vector: vector, tokenCount: item.tokens.ids.count, fullTokenCount: item.tokens.fullCount)
        }
        cache?.store(fresh)
        found.merge(fresh) { old, _ in old }
        return found
    }
}
