/// Turns texts into sentence embeddings, for judges that compare answers by meaning.
///
/// Contract: returns one vector per text, in order, all of the same length and of unit length (so the dot product is
/// the cosine similarity). Deterministic for the same input. Throws when the model cannot run; callers fall back to
/// lexical judging.
public protocol TextEncoder: Sendable {
    func encode(_ texts: [String]) throws -> [[Float]]
}
