import LabCore
/// Turns texts into unit-length vectors (sentence embeddings) whose dot product is their cosine similarity.
///
/// Implementations (module Embeddings): `MiniLMEncoder` (all-MiniLM-L6-v2, native, offline) and `RemoteEncoder` (an
/// OpenAI-compatible `/v1/embeddings` server). Used by the semantic answer judge and the coherence scorers. `encode` is synchronous and throwing: the native encoder is pure
/// computation, and the remote one blocks its calling thread until the server answers (see ``RemoteEncoder``).
public protocol TextEncoder: Sendable {
    /// The length of every vector `encode` returns (0 while a remote encoder has not yet learned it).
    var dimension: Int { get }

    /// Encodes `texts` and returns one unit vector per text, in the same order.
    /// Called with any number of texts, from any thread; an empty array returns an empty array.
    func encode(_ texts: [String]) throws -> [[Float]]
}

extension TextEncoder {
    /// Unknown unless an encoder says otherwise.
    public var dimension: Int { 0 }

    /// Encodes one text.
    public func encode(_ text: String) throws -> [Float] {
        try encode([text])[0]
    }

    /// The cosine similarity of two texts (the dot product of their unit vectors).
    public func similarity(_ first: String, _ second: String) throws -> Float {
        let vectors = try encode([first, second])
        return zip(vectors[0], vectors[1]).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
