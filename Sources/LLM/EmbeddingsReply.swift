import Foundation
import Transport

/// Reads the OpenAI embeddings reply shape: `{"data": [{"index": 0, "embedding": [floats]}, ...]}`.
enum EmbeddingsReply {
    /// One unit vector per input, in input order.
    /// - Throws: ``Transport/NetworkFailure/malformed(_:)`` saying what is wrong with the reply (e.g. `no 'data' array`).
    static func vectors(from data: Data, count: Int) throws -> [[Float]] {
        func malformed(_ reason: String) -> NetworkFailure { .malformed(reason) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw malformed("the body is not a JSON object")
        }
        guard let items = object["data"] as? [[String: Any]] else { throw malformed("no 'data' array") }
        guard items.count == count else { throw malformed("\(items.count) embeddings for \(count) texts") }
        var vectors = [[Float]?](repeating: nil, count: count)
        for (position, item) in items.enumerated() {
            let index = (item["index"] as? Int) ?? position
            guard vectors.indices.contains(index), vectors[index] == nil else {
                throw malformed("bad or repeated index \(index)")
            }
            guard let numbers = item["embedding"] as? [NSNumber], !numbers.isEmpty else {
                throw malformed("data[\(position)].embedding is not a non-empty array of numbers")
            }
            let vector = numbers.map(\.floatValue)
            guard vector.allSatisfy(\.isFinite) else { throw malformed("data[\(position)].embedding has a non-number") }
            guard vector.count == vectors.compactMap({ $0 }).first?.count ?? vector.count else {
                throw malformed("embeddings of different lengths")
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { throw malformed("data[\(position)].embedding is all zeros") }
            vectors[index] = vector.map { $0 / norm }
        }
        return vectors.map { $0! }
    }
}
