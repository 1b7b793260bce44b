/// Errors of the native encoder and of model installation; each message names the file and what to do.
public enum EmbeddingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model folder or one of its files is missing.
    case modelNotInstalled(model: String, path: String)
    /// A model file is there but cannot be used (wrong size, bad header, missing tensor...).
    case badModelFile(path: String, reason: String)
    /// `chatlab models install` failed at `step`.
    case installFailed(step: String, message: String)
    /// A file's SHA-256 or size is not the one recorded for the model.
    case checksumMismatch(path: String, expected: String, actual: String)

    public var description: String {
        switch self {
        case .modelNotInstalled(let model, let path):
            return "\(path): error: the \(model) model is not installed. Run 'chatlab models install'."
        case .badModelFile(let path, let reason):
            return "\(path): error: \(reason). Run 'chatlab models install' to reinstall the model."
        case .installFailed(let step, let message):
            return "error: installing the model failed while \(step): \(message)"
        case .checksumMismatch(let path, let expected, let actual):
            return "\(path): error: expected \(expected), found \(actual). "
                + "Delete the file and run 'chatlab models install' again."
        }
    }
}
