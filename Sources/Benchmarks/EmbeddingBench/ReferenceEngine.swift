/// A reference tool `chatlab bench embeddings` measures next to ChatLab, each run by
/// `scripts/bench_embeddings_reference.py --engine <argument>`.
public enum ReferenceEngine: String, CaseIterable, Hashable, Sendable {
    /// sentence-transformers on PyTorch (CPU).
    case torch
    /// ONNX Runtime fp32 on the exported model, with the fast tokenizer and numpy pooling, as fastembed runs it.
    case onnx

    /// The engine's name in the report's lines.
    public var name: String {
        switch self {
        case .torch: "PyTorch"
        case .onnx: "ONNX Runtime"
        }
    }

    /// The engine's name in the table's header.
    public var column: String {
        switch self {
        case .torch: "pytorch"
        case .onnx: "ort"
        }
    }

    /// What its peak sgemm rate is measured with.
    public var matmul: String {
        switch self {
        case .torch: "torch.matmul"
        case .onnx: "ONNX Runtime MatMul"
        }
    }

    /// The Python modules the worker needs for this engine.
    public var modules: [String] {
        switch self {
        case .torch: ["sentence_transformers"]
        case .onnx: ["onnxruntime", "onnx", "tokenizers", "numpy"]
        }
    }
}
