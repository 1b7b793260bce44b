import Foundation

/// The folder that holds installed models: `$CHATLAB_MODELS`, or `~/.cache/chatlab/models`.
public struct ModelStore: Sendable, Equatable {
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The store the environment names (`CHATLAB_MODELS`), or the default under the home folder.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let path = environment["CHATLAB_MODELS"], !path.isEmpty {
            root = URL(fileURLWithPath: (path as NSString).expandingTildeInPath, isDirectory: true)
        } else {
            root = FileManager.default.homeDirectoryForCurrentUser
                .appendingPathComponent(".cache/chatlab/models", isDirectory: true)
        }
    }

    /// The folder of one model, e.g. `<root>/all-MiniLM-L6-v2`.
    public func folder(for spec: ModelSpec) -> URL {
        root.appendingPathComponent(spec.name, isDirectory: true)
    }

    /// Checks that every file of `spec` is present with its recorded size (no hashing: cheap enough for every load).
    /// - Throws: ``EmbeddingError/modelNotInstalled(model:path:)`` naming the first missing file, or
    ///   ``EmbeddingError/badModelFile(path:reason:)`` for a file of the wrong size.
    public func requireInstalled(_ spec: ModelSpec) throws -> URL {
        let folder = folder(for: spec)
        for file in spec.files {
            let path = folder.appendingPathComponent(file.path).path
            guard let size = FileSHA256.size(of: path) else {
                throw EmbeddingError.modelNotInstalled(model: spec.name, path: path)
            }
            guard size == file.size else {
                throw EmbeddingError.badModelFile(path: path, reason: "\(size) bytes instead of \(file.size)")
            }
        }
        return folder
    }
}
