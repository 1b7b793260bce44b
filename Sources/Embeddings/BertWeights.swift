/// The tensors of a BERT encoder: pointers into the memory-mapped safetensors file, except the query, key and
/// value projections of each layer, which are copied once into one fused `[3·hidden, hidden]` matrix so a layer
/// needs one matrix product for all three.
///
/// `@unchecked Sendable`: everything is read-only after `init`; the mapped file and the fused copies live as long
/// as this object.
final class BertWeights: @unchecked Sendable {
    struct Layer {
        var qkvWeight: UnsafePointer<Float>
        var qkvBias: UnsafePointer<Float>
        var attentionOutWeight: UnsafePointer<Float>
        var attentionOutBias: UnsafePointer<Float>
        var attentionNormGamma: UnsafePointer<Float>
        var attentionNormBeta: UnsafePointer<Float>
        var intermediateWeight: UnsafePointer<Float>
        var intermediateBias: UnsafePointer<Float>
        var outputWeight: UnsafePointer<Float>
        var outputBias: UnsafePointer<Float>
        var outputNormGamma: UnsafePointer<Float>
        var outputNormBeta: UnsafePointer<Float>
    }

    let config: BertConfig
    let file: SafetensorsFile
    let wordEmbeddings: UnsafePointer<Float>
    let positionEmbeddings: UnsafePointer<Float>
    let tokenTypeEmbeddings: UnsafePointer<Float>
    let embeddingNormGamma: UnsafePointer<Float>
    let embeddingNormBeta: UnsafePointer<Float>
    let layers: [Layer]
    private let fused: UnsafeMutablePointer<Float>

    init(file: SafetensorsFile, config: BertConfig) throws {
        self.file = file
        self.config = config
        let h = config.hiddenSize
        let i = config.intermediateSize
        // Checkpoints saved from BertModel have no prefix; from BertForXxx they have `bert.`.
        let prefix = file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        func tensor(_ name: String, _ shape: [Int]) throws -> UnsafePointer<Float> {
            try file.floats(prefix + name, shape: shape)
        }
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [config.vocabularySize, h])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [config.maxPositions, h])
        tokenTypeEmbeddings = try tensor("embeddings.token_type_embeddings.weight", [config.typeVocabularySize, h])
        embeddingNormGamma = try tensor("embeddings.LayerNorm.weight", [h])
        embeddingNormBeta = try tensor("embeddings.LayerNorm.bias", [h])

        let perLayer = 3 * h * h + 3 * h
        fused = .allocate(capacity: perLayer * config.layerCount)
        var layers: [Layer] = []
        do {
            for index in 0..<config.layerCount {
                let name = "encoder.layer.\(index)."
                let weight = fused + index * perLayer
                let bias = weight + 3 * h * h
                for (part, projection) in ["query", "key", "value"].enumerated() {
                    let w = try tensor(name + "attention.self.\(projection).weight", [h, h])
                    let b = try tensor(name + "attention.self.\(projection).bias", [h])
                    (weight + part * h * h).update(from: w, count: h * h)
                    (bias + part * h).update(from: b, count: h)
                }
                layers.append(Layer(
                    qkvWeight: UnsafePointer(weight), qkvBias: UnsafePointer(bias),
                    attentionOutWeight: try tensor(name + "attention.output.dense.weight", [h, h]),
                    attentionOutBias: try tensor(name + "attention.output.dense.bias", [h]),
                    attentionNormGamma: try tensor(name + "attention.output.LayerNorm.weight", [h]),
                    attentionNormBeta: try tensor(name + "attention.output.LayerNorm.bias", [h]),
                    intermediateWeight: try tensor(name + "intermediate.dense.weight", [i, h]),
                    intermediateBias: try tensor(name + "intermediate.dense.bias", [i]),
                    outputWeight: try tensor(name + "output.dense.weight", [h, i]),
                    outputBias: try tensor(name + "output.dense.bias", [h]),
                    outputNormGamma: try tensor(name + "output.LayerNorm.weight", [h]),
                    outputNormBeta: try tensor(name + "output.LayerNorm.bias", [h])))
            }
        } catch {
            fused.deallocate()
            throw error
        }
        self.layers = layers
    }

    deinit {
        fused.deallocate()
    }
}
