import LabCore
import Foundation
import Chatters
import LabCore
import NIOCore
import NIOWebSocket

/// `GET /ws`: each text frame `{"message": "...", "session": "..."}` (session optional; default one per
/// connection) is answered with `{"reply": "..."}` (with `"data"` when the reply carries some), or `{"error": "..."}` when the bot fails. A frame that is not
/// JSON is taken as the message itself.
struct WebSocketEndpoint {
    let sessions: BotSessions

    func serve(_ channel: NIOAsyncChannel<WebSocketFrame, WebSocketFrame>) async throws {
        let defaultSession = "ws-\(ObjectIdentifier(channel.channel))"
        var used: Set<String> = []
        try await channel.executeThenClose { inbound, outbound in
            var partial = ByteBuffer()
            for try await frame in inbound {
                switch frame.opcode {
                case .text, .continuation:
                    var data = frame.unmaskedData
                    guard partial.readableBytes + data.readableBytes <= RequestLimit.bytes else {
                        // 1009: message too big.
                        let code = ByteBuffer(bytes: [0x03, 0xF1])
                        try? await outbound.write(WebSocketFrame(fin: true, opcode: .connectionClose, data: code))
                        return
                    }
                    partial.writeBuffer(&data)
                    guard frame.fin else { continue }
                    let text = String(buffer: partial)
                    partial.clear()
                    let (session, answer) = await answer(text, defaultSession: defaultSession)
                    used.insert(session)
                    let frame = WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(string: answer.text))
                    try await outbound.write(frame)
                case .ping:
                    try await outbound.write(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData))
                case .connectionClose:
                    var data = frame.unmaskedData
                    let code = data.readSlice(length: 2) ?? ByteBuffer()
                    try? await outbound.write(WebSocketFrame(fin: true, opcode: .connectionClose, data: code))
                    return
                default:
                    continue
                }
            }
        }
        for session in used { await sessions.end(session) }
    }

    private func answer(_ text: String, defaultSession: String) async -> (String, JSON) {
        let json = try? JSON.parse(Data(text.utf8))
        let message = json?["message"]?.scalarText ?? (json == nil ? text : "")
        let session = json?["session"]?.scalarText ?? defaultSession
        switch await sessions.say(message, session: session) {
        case .reply(let reply, let data): return (session, ServerRoutes.replyObject(reply, data: data))
        case .ended(let why): return (session, .object(["reply": "", "ended": .string(why)]))
        case .failed(let kind, let message): return (session, .object(["error": .string("\(kind): \(message)"), "kind": .string(kind)]))
        }
    }
}
