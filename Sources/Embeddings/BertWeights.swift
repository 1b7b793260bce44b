/// The tensors of a BERT encoder: pointers into the memory-mapped safetensors file for the embeddings and layer
/// norms, and every linear layer packed once for the encoder's matrix product (``PackedLinear``; the query, key and
/// value projections packed together, so a layer needs one product for all three).
///
/// A general sgemm packs its operands on every call; for a pass of one short text that costs as much as the
/// multiplication itself. Packing at load time (42 MB for all-MiniLM-L6-v2, a few tens of milliseconds) removes it.
///
/// `@unchecked Sendable`: everything is read-only after `init`; the mapped file and the packed copies live as long
/// as this object.
final class BertWeights: @unchecked Sendable {
    struct Layer {
        var qkv: PackedLinear
        var attentionOut: PackedLinear
        var attentionNormGamma: UnsafePointer<Float>
        var attentionNormBeta: UnsafePointer<Float>
        var intermediate: PackedLinear
        var output: PackedLinear
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

    /// The matrix product build the layers are packed for.
    let build: GEMMBuild

    init(file: SafetensorsFile, config: BertConfig, build: GEMMBuild = .best) throws {
        self.file = file
        self.config = config
        self.build = build
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

        var layers: [Layer] = []
        for index in 0..<config.layerCount {
            let name = "encoder.layer.\(index)."
            let fusedWeight = UnsafeMutablePointer<Float>.allocate(capacity: 3 * h * h)
            let fusedBias = UnsafeMutablePointer<Float>.allocate(capacity: 3 * h)
            defer {
                fusedWeight.deallocate()
                fusedBias.deallocate()
            }
            for (part, projection) in ["query", "key", "value"].enumerated() {
                (fusedWeight + part * h * h).update(
                    from: try tensor(name + "attention.self.\(projection).weight", [h, h]), count: h * h)
                (fusedBias + part * h).update(
                    from: try tensor(name + "attention.self.\(projection).bias", [h]), count: h)
            }
            func linear(_ layer: String, outputs: Int, inputs: Int) throws -> PackedLinear {
                PackedLinear(
                    weight: try tensor(layer + ".weight", [outputs, inputs]),
                    bias: try tensor(layer + ".bias", [outputs]),
                    outputs: outputs, inputs: inputs, build: build)
            }
            layers.append(Layer(
                qkv: PackedLinear(weight: fusedWeight, bias: fusedBias, outputs: 3 * h, inputs: h, build: build),
                attentionOut: try linear(name + "attention.output.dense", outputs: h, inputs: h),
                attentionNormGamma: try tensor(name + "attention.output.LayerNorm.weight", [h]),
                attentionNormBeta: try tensor(name + "attention.output.LayerNorm.bias", [h]),
                intermediate: try linear(name + "intermediate.dense", outputs: i, inputs: h),
                output: try linear(name + "output.dense", outputs: h, inputs: i),
                outputNormGamma: try tensor(name + "output.LayerNorm.weight", [h]),
                outputNormBeta: try tensor(name + "output.LayerNorm.bias", [h])))
        }
        self.layers = layers
    }
}
