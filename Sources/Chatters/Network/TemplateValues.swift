import LabCore

/// The values a request template can use, worked out from a ``ChatRequest`` from the chatter's point of view.
///
/// - `{{message}}`: the other chatter's last visible utterance (empty when this chatter opens the conversation).
/// - `{{history}}`: the visible utterances as a JSON list of `{role, content}`, role `assistant` for this chatter's
///   own utterances and `user` for the other's.
/// - `{{history_text}}`: the same as lines `user: ...` / `assistant: ...`.
/// - `{{session}}`: a per-conversation id, `<conversation>-<seat>` (e.g. `demo-3f9a0c12-run-2-chatter2`; the
///   conversation id holds the execution id, so it differs from one execution of a config to the next).
/// - `{{round}}`: the round number.
public struct TemplateValues: Sendable {
    public var message: String
    public var history: [(role: String, content: String)]
    public var session: String
    public var round: Int

    public init(_ request: ChatRequest) {
        message = request.lastFromOther?.text ?? ""
        history = request.history.map { ($0.seat == request.seat ? "assistant" : "user", $0.text) }
        session = "\(request.conversation)-\(request.seat)"
        round = request.round
    }

    /// The placeholder names a template may contain.
    public static let names = ["message", "history", "history_text", "session", "round"]

    /// The JSON value of a placeholder (used when a string is exactly that placeholder).
    func json(_ name: String) -> JSON {
        switch name {
        case "message": return .string(message)
        case "history": return .array(history.map { .object(["role": .string($0.role), "content": .string($0.content)]) })
        case "history_text": return .string(historyText)
        case "session": return .string(session)
        case "round": return .number(Double(round))
        default: return .null
        }
    }

    /// The text of a placeholder inside a longer string.
    func text(_ name: String) -> String {
        let value = json(name)
        return value.scalarText ?? value.text
    }

    public var historyText: String {
        history.map { "\($0.role): \($0.content)" }.joined(separator: "\n")
    }
}
