import Chatters
import Foundation
import LabCore

/// `POST /v1/chat/completions` in the OpenAI shape, streaming (`"stream": true`, SSE chunks then `data: [DONE]`) or
/// not, with `usage` counted in white-space separated tokens.
///
/// Stateless, like the real API: the `messages` are the history (`user` → the client, `assistant` → the bot,
/// `system` ignored). The session is the `user` field, or else derived from the first message.
///
/// Given served models, it answers only those names, each at its pace (see ``ServedModel``).
struct CompletionsEndpoint: Sendable {
    let sessions: BotSessions
    let model: String
    var served: [ServedModel] = []

    func handle(_ body: Data) async -> ServerReply {
        guard let json = try? JSON.parse(body), case .array(let messages)? = json["messages"] else {
            return .error(.badRequest, #"the body must be JSON with "messages": [{"role": "user", "content": "..."}]"#)
        }
        var pace: ServedModel?
        if !served.isEmpty {
            let asked = json["model"]?.scalarText ?? ""
            guard let found = served.first(where: { $0.name == asked }) else {
                return .json(.object(["error": .object([
                    "message": .string("The model '\(asked.prefix(100))' does not exist"), "code": "model_not_found",
                ])]), status: .notFound)
            }
            pace = found
        }
        var history: [Utterance] = []
        for message in messages {
            guard let role = message["role"]?.scalarText, let content = message["content"]?.scalarText else { continue }
            if role == "user" { history.append(Utterance(seat: .chatter1, text: content)) }
            if role == "assistant" { history.append(Utterance(seat: .chatter2, text: content)) }
        }
        let session = json["user"]?.scalarText
            ?? "completions-\(BotSessions.stableHash(history.first?.text ?? ""))"
        let text: String
        switch await sessions.answer(history: history, session: session) {
        case .reply(let reply, _): text = reply
        case .ended: text = ""
        case .failed(let kind, let message): return .botFailed(kind: kind, message: message)
        }
        let promptTokens = history.reduce(0) { $0 + Self.tokens($1.text) }
        let usage: JSON = .object([
            "prompt_tokens": .number(Double(promptTokens)), "completion_tokens": .number(Double(Self.tokens(text))),
            "total_tokens": .number(Double(promptTokens + Self.tokens(text))),
        ])
        let id = "chatcmpl-\(BotSessions.stableHash(session + text) % 1_000_000_000)"
        let created = JSON.number(Double(Int(Date().timeIntervalSince1970)))
        let model = pace?.name ?? model
        if json["stream"] == .bool(true) {
            let waits = pace?.waits(words: Self.pieces(text).count) ?? []
            return .events(chunks(text, id: id, created: created, usage: usage, model: model) + ["[DONE]"], waits: waits)
        }
        if let pace {
            let seconds = pace.waits(words: Self.pieces(text).count).reduce(0, +)
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        }
        return .json(.object([
            "id": .string(id), "object": "chat.completion", "created": created, "model": .string(model),
            "choices": .array([.object([
                "index": 0, "message": .object(["role": "assistant", "content": .string(text)]),
                "finish_reason": "stop",
            ])]),
            "usage": usage,
        ]))
    }

    /// One chunk per word (keeping its following space), a final `finish_reason` chunk, then one with `usage`.
    private func chunks(_ text: String, id: String, created: JSON, usage: JSON, model: String) -> [String] {
        func chunk(_ delta: JSON, finish: JSON = .null, extra: [String: JSON] = [:]) -> String {
            var object: [String: JSON] = [
                "id": .string(id), "object": "chat.completion.chunk", "created": created, "model": .string(model),
                "choices": .array([.object(["index": 0, "delta": delta, "finish_reason": finish])]),
            ]
            object.merge(extra) { $1 }
            return JSON.object(object).text
        }
        var events = [chunk(.object(["role": "assistant", "content": ""]))]
        for piece in Self.pieces(text) { events.append(chunk(.object(["content": .string(piece)]))) }
        events.append(chunk(.object([:]), finish: "stop"))
        events.append(JSON.object([
            "id": .string(id), "object": "chat.completion.chunk", "created": created, "model": .string(model),
            "choices": .array([]), "usage": usage,
        ]).text)
        return events
    }

    /// The text cut after each run of spaces, so the pieces join back to the text exactly.
    static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            if character != " ", current.last == " " {
                pieces.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    static func tokens(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }
}
