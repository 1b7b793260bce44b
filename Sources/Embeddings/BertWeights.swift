/// The tensors of a BERT encoder: pointers into the memory-mapped safetensors file (PyTorch's `[outputs, inputs]`
/// layout; the query, key and value projections copied into one fused `[3·hidden, hidden]` matrix, so a layer needs
/// one matrix product for all three), and a copy of every weight matrix transposed to `[inputs, outputs]`.
///
/// OpenBLAS packs the weights again on every call; a pass over a few short texts has few rows to spread that cost
/// over, and it packs the transposed layout faster (measured 10–25 % faster products at 17 and 58 rows), while
/// large passes run a little faster on the original layout. ``Linear`` holds both and picks per pass.
///
/// `@unchecked Sendable`: everything is read-only after `init`; the mapped file and the copies live as long as this
/// object.
final class BertWeights: @unchecked Sendable {
    /// A linear layer's weight in both layouts, and its bias.
    struct Linear {
        /// `[outputs, inputs]`.
        var weight: UnsafePointer<Float>
        /// `[inputs, outputs]`.
        var transposed: UnsafePointer<Float>
        var bias: UnsafePointer<Float>
    }

    struct Layer {
        var qkv: Linear
        var attentionOut: Linear
        var attentionNormGamma: UnsafePointer<Float>
        var attentionNormBeta: UnsafePointer<Float>
        var intermediate: Linear
        var output: Linear
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
    /// The fused query-key-value weights and biases and the transposed weight matrices of all layers.
    private let owned: UnsafeMutablePointer<Float>

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

        let perLayer = 3 * h * h + 4 * h * h + 2 * h * i + 3 * h
        owned = .allocate(capacity: perLayer * config.layerCount)
        var layers: [Layer] = []
        do {
            for index in 0..<config.layerCount {
                let name = "encoder.layer.\(index)."
                let qkv = owned + index * perLayer
                let qkvT = qkv + 3 * h * h
                let attentionOutT = qkvT + 3 * h * h
                let intermediateT = attentionOutT + h * h
                let outputT = intermediateT + h * i
                let qkvBias = outputT + i * h
                for (part, projection) in ["query", "key", "value"].enumerated() {
                    let w = try tensor(name + "attention.self.\(projection).weight", [h, h])
                    let b = try tensor(name + "attention.self.\(projection).bias", [h])
                    (qkv + part * h * h).update(from: w, count: h * h)
                    (qkvBias + part * h).update(from: b, count: h)
                }
                func linear(_ weight: UnsafePointer<Float>, outputs: Int, inputs: Int,
                            transposed: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>) -> Linear {
                    Self.transpose(weight, outputs: outputs, inputs: inputs, into: transposed)
                    return Linear(weight: weight, transposed: UnsafePointer(transposed), bias: bias)
                }
                layers.append(Layer(
                    qkv: linear(UnsafePointer(qkv), outputs: 3 * h, inputs: h, transposed: qkvT,
                                bias: UnsafePointer(qkvBias)),
                    attentionOut: linear(
                        try tensor(name + "attention.output.dense.weight", [h, h]), outputs: h, inputs: h,
                        transposed: attentionOutT, bias: try tensor(name + "attention.output.dense.bias", [h])),
                    attentionNormGamma: try tensor(name + "attention.output.LayerNorm.weight", [h]),
                    attentionNormBeta: try tensor(name + "attention.output.LayerNorm.bias", [h]),
                    intermediate: linear(
                        try tensor(name + "intermediate.dense.weight", [i, h]), outputs: i, inputs: h,
                        transposed: intermediateT, bias: try tensor(name + "intermediate.dense.bias", [i])),
                    output: linear(
                        try tensor(name + "output.dense.weight", [h, i]), outputs: h, inputs: i,
                        transposed: outputT, bias: try tensor(name + "output.dense.bias", [h])),
                    outputNormGamma: try tensor(name + "output.LayerNorm.weight", [h]),
                    outputNormBeta: try tensor(name + "output.LayerNorm.bias", [h])))
            }
        } catch {
            owned.deallocate()
            throw error
        }
        self.layers = layers
    }

    deinit {
        owned.deallocate()
    }

    /// Copies an `[outputs, inputs]` matrix into `[inputs, outputs]`, in tiles so both sides are read and written a
    /// cache line at a time.
    private static func transpose(
        _ weight: UnsafePointer<Float>, outputs: Int, inputs: Int, into target: UnsafeMutablePointer<Float>
    ) {
        let tile = 32
        for outputStart in Swift.stride(from: 0, to: outputs, by: tile) {
            for inputStart in Swift.stride(from: 0, to: inputs, by: tile) {
                for output in outputStart..<min(outputStart + tile, outputs) {
                    for input in inputStart..<min(inputStart + tile, inputs) {
                        target[input * outputs + output] = weight[output * inputs + input]
                    }
                }
            }
        }
    }
}
