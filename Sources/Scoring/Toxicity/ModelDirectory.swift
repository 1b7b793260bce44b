import Foundation

/// Where ChatLab keeps its offline models: `$CHATLAB_MODELS`, or `~/.cache/chatlab/models`.
///
/// `scripts/install_models.sh` (run by `scripts/setup.sh`, so by `make demo` and `make test`) fills it.
public enum ModelDirectory {
    /// The command that installs the models, for error messages.
    public static let installCommand = "./scripts/install_models.sh"

    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["CHATLAB_MODELS"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".cache/chatlab/models", isDirectory: true)
    }

    /// `<models>/profanity/model.json`.
    public static func profanityModel(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        root(environment: environment).appendingPathComponent("profanity/model.json")
    }

    /// `<models>/../cache/<name>`: caches that survive between runs (the LLM judge's responses).
    public static func cache(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        root(environment: environment).deletingLastPathComponent().appendingPathComponent("cache/\(name)", isDirectory: true)
    }
}
