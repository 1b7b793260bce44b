/// Why `chatlab bench embeddings` cannot run.
public enum EmbeddingBenchError: Error, CustomStringConvertible {
    case badTexts(path: String, reason: String)
    /// A reference engine's worker could not start, died, or answered something unexpected.
    case referenceWorker(engine: String, python: String, reason: String)

    public var description: String {
        switch self {
        case .badTexts(let path, let reason):
            "\(path): \(reason)."
        case .referenceWorker(let engine, let python, let reason):
            "The \(engine) comparison (\(python) scripts/bench_embeddings_reference.py) failed: \(reason). "
                + "make bench-embeddings-compare installs sentence-transformers, onnxruntime, onnx and tokenizers "
                + "into a throwaway venv; --references picks the engines, --no-python skips the comparison."
        }
    }
}
