/// Why `chatlab bench embeddings` cannot run.
public enum EmbeddingBenchError: Error, CustomStringConvertible {
    case badTexts(path: String, reason: String)
    /// The PyTorch worker could not start, died, or answered something unexpected.
    case pyTorchWorker(python: String, reason: String)

    public var description: String {
        switch self {
        case .badTexts(let path, let reason):
            "\(path): \(reason)."
        case .pyTorchWorker(let python, let reason):
            "The PyTorch comparison (\(python) scripts/bench_embeddings_torch.py) failed: \(reason). "
                + "make bench-embeddings-compare installs sentence-transformers into a throwaway venv; "
                + "--no-python skips the comparison."
        }
    }
}
