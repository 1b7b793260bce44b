import LabCore
import Chatters
import LabCore
import NIOCore
import NIOHTTP1

/// What the server sends back for one HTTP request: a whole body, or server-sent events.
enum ServerReply: Sendable {
    case body(HTTPResponseStatus, contentType: String, String)
    /// Each string is one event's `data:`; the stream ends after the last. `waits[i]` is how many seconds to wait
    /// before sending event `i` (a paced model; missing entries: none).
    case events([String], waits: [Double] = [])

    static func json(_ value: JSON, status: HTTPResponseStatus = .ok) -> ServerReply {
        .body(status, contentType: "application/json", value.text)
    }

    static func error(_ status: HTTPResponseStatus, _ message: String) -> ServerReply {
        json(.object(["error": .string(message)]), status: status)
    }

    /// The reply for a failed bot turn: 502 with the failure's kind and message.
    static func botFailed(kind: String, message: String) -> ServerReply {
        json(.object(["error": .string("\(kind): \(message)"), "kind": .string(kind)]), status: .badGateway)
    }
}
