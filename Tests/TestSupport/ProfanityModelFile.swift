import Foundation

/// The installed offline toxicity model (`<models>/profanity/model.json`), installing it first when it is missing.
public enum ProfanityModelFile {
    public static var path: String {
        let environment = ProcessInfo.processInfo.environment
        let root = environment["CHATLAB_MODELS"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/chatlab/models").path
        return "\(root)/profanity/model.json"
    }

    /// Runs `scripts/install_models.sh` when the model is missing (a no-op when it is there).
    public static func ensureInstalled() throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        let script = Python.repositoryRoot.appendingPathComponent("scripts/install_models.sh").path
        _ = try ChildProcess.run("/bin/bash", [script])
    }
}
