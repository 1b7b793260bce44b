import Foundation

/// A WordPiece vocabulary: `vocab.txt`, one token per line, the line number (from 0) being the token id.
public struct Vocabulary: Sendable {
    private let ids: [String: Int32]
    public let count: Int

    public init(tokens: [String]) {
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() where ids[token] == nil { ids[token] = Int32(index) }
        self.ids = ids
        count = tokens.count
    }

    /// Reads `vocab.txt`.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EmbeddingError.badModelFile(path: path, reason: "cannot be read")
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { throw EmbeddingError.badModelFile(path: path, reason: "the vocabulary is empty") }
        self.init(tokens: lines)
    }

    /// The id of `token`, or nil when it is not in the vocabulary.
    public func id(_ token: String) -> Int32? { ids[token] }

    /// The id of a token the tokenizer cannot work without.
    func requiredID(_ token: String, path: String) throws -> Int32 {
        guard let id = ids[token] else {
            throw EmbeddingError.badModelFile(path: path, reason: "the vocabulary has no '\(token)' token")
        }
        return id
    }
}
