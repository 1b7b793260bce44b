/// Gives category scores in [0, 1] for a text: the offline model, an OpenAI-compatible moderation endpoint or a
/// generic classifier endpoint. Throws when the text cannot be scored (network, malformed answer).
public protocol ToxicityBackend: Sendable {
    /// A few words for interpretations and messages, e.g. `offline profanity model`.
    var name: String { get }
    /// The categories this backend reports, in display order.
    var categories: [String] { get }
    func categoryScores(_ text: String) throws -> [String: Double]
}
