import Foundation

/// The process-wide table of loaded models, keyed by folder, so each model is loaded once per process.
final class SharedModels: Sendable {
    static let shared = SharedModels()

    private let models = Locked<[String: MiniLMModel]>([:])

    func model(folder: URL) throws -> MiniLMModel {
        let key = folder.standardizedFileURL.resolvingSymlinksInPath().path
        return try models.withLock { models in
            if let model = models[key] { return model }
            let model = try MiniLMModel(folder: URL(fileURLWithPath: key, isDirectory: true))
            models[key] = model
            return model
        }
    }
}
