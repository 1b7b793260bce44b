import Embeddings
import Foundation
import TestSupport

/// Tests/Fixtures/minilm/reference.json: texts with the token ids and vectors sentence-transformers gave them.
struct Reference: Decodable {
    struct Entry: Decodable {
        var text: String
        var ids: [Int32]
        var fullTokenCount: Int
        var vector: [Float]

        enum CodingKeys: String, CodingKey {
            case text, ids, vector
            case fullTokenCount = "full_token_count"
        }
    }

    var texts: [Entry]

    static let shared: Reference = {
        let path = ChatlabProcess.root + "/Tests/Fixtures/minilm/reference.json"
        let data = FileManager.default.contents(atPath: path)!
        return try! JSONDecoder().decode(Reference.self, from: data)
    }()

    static func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
    }
}

/// The installed model (`scripts/setup.sh --test` installs it; a missing model fails with the command to run).
enum InstalledModel {
    static func model() throws -> MiniLMModel { try MiniLMModel.installed() }
}
