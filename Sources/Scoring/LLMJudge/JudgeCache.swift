import Digest
import Foundation
import LLM

/// Responses of the LLM judge on disk, one file per request: `<folder>/<sha256 of the request body>.json`.
/// Only valid verdicts are stored, so re-analysing a report asks the endpoint nothing.
public struct JudgeCache: CompletionCache {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public static func key(_ body: Data) -> String { SHA256.hex(body) }

    public func load(_ key: String) -> Data? {
        FileManager.default.contents(atPath: folder.appendingPathComponent("\(key).json").path)
    }

    /// Stores a response; a cache that cannot be written is not an error (the verdict is still used).
    public func store(_ data: Data, key: String) {
        let file = folder.appendingPathComponent("\(key).json")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }

    public func answer(for request: Data) -> Data? { load(Self.key(request)) }

    public func store(_ answer: Data, for request: Data) { store(answer, key: Self.key(request)) }
}
