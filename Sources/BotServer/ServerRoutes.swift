import Chatters
import Foundation
import LabCore
import NIOHTTP1

/// Routes a complete HTTP request to an endpoint: `POST /chat`, `POST /v1/chat/completions`, `GET /health`.
struct ServerRoutes: Sendable {
    let sessions: BotSessions
    let completions: CompletionsEndpoint

    func handle(_ head: HTTPRequestHead, body: Data) async -> ServerReply {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        switch (head.method, path) {
        case (.POST, "/chat"): return await chat(body)
        case (.POST, "/v1/chat/completions"): return await completions.handle(body)
        case (.GET, "/health"): return .body(.ok, contentType: "text/plain", "ok\n")
        case (_, "/chat"), (_, "/v1/chat/completions"): return .error(.methodNotAllowed, "use POST")
        default: return .error(.notFound, "no endpoint \(path); try POST /chat, POST /v1/chat/completions or GET /ws")
        }
    }

    /// `{"session": "...", "message": "..."}` → `{"reply": "..."}`, with `"data": {...}` when the reply carries data.
    private func chat(_ body: Data) async -> ServerReply {
        guard let json = try? JSON.parse(body), let message = json["message"]?.scalarText else {
            return .error(.badRequest, #"the body must be JSON like {"session": "s1", "message": "Hi"}"#)
        }
        let session = json["session"]?.scalarText ?? "default"
        switch await sessions.say(message, session: session) {
        case .reply(let text, let data): return .json(Self.replyObject(text, data: data))
        case .ended(let why): return .json(.object(["reply": "", "ended": .string(why)]))
        case .failed(let kind, let message): return .botFailed(kind: kind, message: message)
        }
    }

    /// `{"reply": text}`, plus `"data"` when the bot's reply carries any (e.g. the `intents` bot's intent).
    static func replyObject(_ text: String, data: [String: JSON]) -> JSON {
        data.isEmpty ? .object(["reply": .string(text)]) : .object(["reply": .string(text), "data": .object(data)])
    }
}
