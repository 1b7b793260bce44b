import Foundation

/// Where an ``OpenAIClient`` keeps answers the caller wants reused (the LLM judge: re-analysing a report asks the
/// server nothing). Keyed by the request body; only answers the caller accepted are stored.
public protocol CompletionCache: Sendable {
    /// The stored answer body for a request body, if any.
    func answer(for request: Data) -> Data?
    /// Stores an answer body; a cache that cannot be written is not an error.
    func store(_ answer: Data, for request: Data)
}
