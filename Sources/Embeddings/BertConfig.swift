import Foundation

/// The dimensions of a BERT encoder, read from the model folder's `config.json` and `sentence_bert_config.json`.
public struct BertConfig: Sendable, Equatable {
    public var hiddenSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var intermediateSize: Int
    public var vocabularySize: Int
    public var maxPositions: Int
    public var typeVocabularySize: Int
    public var layerNormEpsilon: Float
    /// The sentence-transformers window: longer texts are truncated to this many tokens.
    public var maxSequenceLength: Int

    public var headSize: Int { hiddenSize / headCount }

    /// Floating-point operations to encode one token of a text of `length` tokens: the matrix products of every
    /// layer (query, key, value, attention output, the two feed-forward products; 2 per multiply-add) plus the
    /// attention scores and weighted values, which grow with the text's length. Embedding lookup, layer norms,
    /// softmax, GELU and pooling are left out (they are O(hidden) per token).
    public func flopsPerToken(length: Int) -> Int {
        let linear = 2 * hiddenSize * (3 * hiddenSize + hiddenSize + 2 * intermediateSize)
        let attention = 2 * 2 * length * hiddenSize
        return layerCount * (linear + attention)
    }

    /// Reads the two config files of `folder`.
    public init(folder: URL) throws {
        let configPath = folder.appendingPathComponent("config.json").path
        let sentencePath = folder.appendingPathComponent("sentence_bert_config.json").path
        let config = try Self.object(at: configPath)
        let sentence = try Self.object(at: sentencePath)
        func int(_ object: [String: Any], _ key: String, _ path: String) throws -> Int {
            guard let value = object[key] as? Int, value > 0 else {
                throw EmbeddingError.badModelFile(path: path, reason: "'\(key)' is missing or not a positive number")
            }
            return value
        }
        hiddenSize = try int(config, "hidden_size", configPath)
        layerCount = try int(config, "num_hidden_layers", configPath)
        headCount = try int(config, "num_attention_heads", configPath)
        intermediateSize = try int(config, "intermediate_size", configPath)
        vocabularySize = try int(config, "vocab_size", configPath)
        maxPositions = try int(config, "max_position_embeddings", configPath)
        typeVocabularySize = try int(config, "type_vocab_size", configPath)
        layerNormEpsilon = Float((config["layer_norm_eps"] as? Double) ?? 1e-12)
        maxSequenceLength = min(try int(sentence, "max_seq_length", sentencePath), maxPositions)
        guard hiddenSize % headCount == 0, (config["hidden_act"] as? String ?? "gelu") == "gelu" else {
            throw EmbeddingError.badModelFile(path: configPath, reason: "not a BERT encoder this reader supports")
        }
    }

    private static func object(at path: String) throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EmbeddingError.badModelFile(path: path, reason: "cannot be read")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw EmbeddingError.badModelFile(path: path, reason: "is not a JSON object")
        }
        return object
    }
}
