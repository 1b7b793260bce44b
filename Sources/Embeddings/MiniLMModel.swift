import Foundation

/// A loaded sentence-transformers BERT model (all-MiniLM-L6-v2): its tokenizer, configuration and memory-mapped
/// weights. Loading costs a few milliseconds (the weights are mapped, not read); ``load(folder:)`` keeps one per
/// folder for the life of the process.
public final class MiniLMModel: Sendable {
    public let folder: URL
    public let config: BertConfig
    public let tokenizer: BertTokenizer
    let encoder: BertEncoder

    /// Reads the model in `folder` (config.json, sentence_bert_config.json, vocab.txt, model.safetensors).
    public convenience init(folder: URL) throws {
        try self.init(folder: folder, build: .best)
    }

    /// Reads the model with its layers packed for `build` (tests run every build the CPU supports).
    init(folder: URL, build: GEMMBuild) throws {
        self.folder = folder
        let weightsPath = folder.appendingPathComponent("model.safetensors").path
        for name in ["config.json", "sentence_bert_config.json", "vocab.txt", "model.safetensors"] {
            let path = folder.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else {
                throw EmbeddingError.modelNotInstalled(model: folder.lastPathComponent, path: path)
            }
        }
        config = try BertConfig(folder: folder)
        tokenizer = try BertTokenizer(
            vocabularyPath: folder.appendingPathComponent("vocab.txt").path, maxTokens: config.maxSequenceLength)
        guard tokenizer.wordPiece.vocabulary.count == config.vocabularySize else {
            throw EmbeddingError.badModelFile(
                path: folder.appendingPathComponent("vocab.txt").path,
                reason: "\(tokenizer.wordPiece.vocabulary.count) tokens, but config.json says \(config.vocabularySize)")
        }
        let file = try SafetensorsFile(path: weightsPath)
        encoder = BertEncoder(weights: try BertWeights(file: file, config: config, build: build))
    }

    /// The model in `folder`, loaded once per process and shared (keyed by the folder's standardized path).
    public static func load(folder: URL) throws -> MiniLMModel {
        try SharedModels.shared.model(folder: folder)
    }

    /// The installed all-MiniLM-L6-v2 from the ``ModelStore`` the environment names.
    /// - Throws: ``EmbeddingError/modelNotInstalled(model:path:)`` (which names `chatlab models install`).
    public static func installed(store: ModelStore = ModelStore()) throws -> MiniLMModel {
        try load(folder: store.requireInstalled(.miniLM))
    }

    /// The most tokens in one forward pass unless the caller says otherwise (on several threads, in the spread passes
    /// in flight together). 256: a pass's activations then stay in the core's caches between products; larger passes
    /// run slower per token and smaller ones stream the weights more often (64 texts on one thread, fastest of 3
    /// rounds, two runs: short texts 172–187 texts/s in passes of up to 256 tokens, 155–172 up to 512, 159–162 up
    /// to 128; long texts 50–54, 42–43 and 42–43; `chatlab bench embeddings --max-batch-tokens`).
    public static let defaultTokensPerPass = 256

    /// One unit vector per token-id sequence (each from ``BertTokenizer/tokenize(_:)``), computed in stacked
    /// forward passes of at most `maxTokensPerPass` tokens on `threads` threads.
    public func embed(
        tokenized sequences: [[Int32]], threads: Int = BLASThreads.initial,
        maxTokensPerPass: Int = defaultTokensPerPass
    ) -> [[Float]] {
        encoder.embed(
            sequences, plan: encoder.plan(
                lengths: sequences.map(\.count), threads: threads, maxTokensPerPass: maxTokensPerPass))
    }

    /// Measures what forward passes cost on `threads` threads now (the encoder otherwise does so at the first batch
    /// with a choice of plans; once per process and thread count).
    public func measurePassCosts(threads: Int) {
        if threads > 1 { _ = encoder.costs(threads: threads) }
    }

    /// The plan ``embed(tokenized:threads:maxTokensPerPass:)`` chooses for sequences of `lengths` tokens, in words.
    public func planSummary(lengths: [Int], threads: Int, maxTokensPerPass: Int = defaultTokensPerPass) -> String {
        encoder.plan(lengths: lengths, threads: threads, maxTokensPerPass: maxTokensPerPass).summary
    }
}
