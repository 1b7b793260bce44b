import Foundation
import Transport
import LabCore

/// A bot behind a WebSocket (kind `websocket`): each turn sends the rendered message template as a text frame and
/// waits for the next text frame, reading the reply at `reply_path` (or taking the whole frame) and the values at
/// `data_paths` into the reply's data.
///
/// One connection per conversation, opened on its first turn, re-opened when it has dropped, closed at the end of
/// the conversation (and after a timeout, so a late reply cannot be taken for the next turn's).
public struct WebSocketChatter: Chatter, CustomStringConvertible {
    public var endpoint: Endpoint
    public var headers: HeaderSettings
    public var message: RequestTemplate
    public var replyPath: ReplyPath?
    /// Values picked out of each answer besides the text, into ``ChatReply/data``.
    public var dataPaths: DataPaths
    public var timeout: Duration
    /// The most bytes of one reply message (see ``ReplyLimit``).
    public var maxReplyBytes: Int
    /// How a `wss://` server's certificate is checked.
    public let tls: TLSSettings
    /// Whether a message is sent again, once, on a fresh connection when the kept one turns out to have dropped
    /// (on by default; load tests turn it off so every failure counts).
    public var resendsOnDrop = true
    /// Whether each reply reports `wire`: seconds from handing the message to the connection to the reply's arrival
    /// on the event loop, the latency without the caller's own scheduling delays (off by default; load tests turn
    /// it on).
    public var measuresWireTime = false
    private let connections = WebSocketConnections()
    /// The TLS context all of this chatter's `wss://` connections share.
    private let tlsContext: SharedTLSContext

    public init(endpoint: Endpoint, headers: HeaderSettings = HeaderSettings(), message: RequestTemplate,
                replyPath: ReplyPath?, dataPaths: DataPaths = DataPaths(), timeout: Duration = .seconds(30),
                maxReplyBytes: Int = ReplyLimit.defaultBytes, tls: TLSSettings = TLSSettings()) {
        self.maxReplyBytes = maxReplyBytes
        self.tls = tls
        tlsContext = SharedTLSContext(tls)
        self.endpoint = endpoint
        self.headers = headers
        self.message = message
        self.replyPath = replyPath
        self.dataPaths = dataPaths
        self.timeout = timeout
    }

    /// Names the endpoint and header names, never header values.
    public var description: String { "websocket \(endpoint) (\(headers))" }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        do {
            let text = message.render(TemplateValues(request)).text
            let (frame, opened, wire) = try await exchange(text, conversation: request.conversation)
            let body = Data(frame.utf8)
            let reply = try replyPath?.extract(from: body) ?? frame
            var metrics = ["connected": opened ? 1.0 : 0]
            if measuresWireTime { metrics["wire"] = wire }
            return ChatReply(reply, metrics: metrics, data: dataPaths.values(in: body))
        } catch let failure as NetworkFailure {
            throw failure.chatterError()
        }
    }

    /// Sends one message and waits for the answer. A kept connection that turns out to have dropped is re-opened
    /// and the message sent again, once (unless ``resendsOnDrop`` is off); any failure closes the connection so the
    /// next turn starts clean.
    private func exchange(_ text: String, conversation: String) async throws -> (String, Bool, Double) {
        var reopened = false
        while true {
            let (connection, opened) = try await connections.connection(
                for: conversation, endpoint: endpoint, headers: headers, timeout: timeout, maxReplyBytes: maxReplyBytes,
                tls: tlsContext)
            do {
                let sent = try await connection.send(text)
                let (reply, arrived) = try await connection.receiveTimed(timeout: timeout)
                return (reply, opened || reopened, max(0, arrived - sent))
            } catch let failure as NetworkFailure {
                await connections.drop(conversation)
                guard resendsOnDrop, case .connection = failure, !opened, !reopened else { throw failure }
                reopened = true
            }
        }
    }

    public func endConversation(_ conversation: String) async {
        await connections.drop(conversation)
    }
}

/// The open connections of one WebSocket chatter, by conversation.
actor WebSocketConnections {
    private var open: [String: WebSocketConnection] = [:]

    /// The conversation's connection, opened (again) when there is none or it has dropped; `true` when just opened.
    func connection(for conversation: String, endpoint: Endpoint, headers: HeaderSettings, timeout: Duration,
                    maxReplyBytes: Int, tls: SharedTLSContext) async throws -> (WebSocketConnection, Bool)
    {
        if let existing = open[conversation], existing.isOpen { return (existing, false) }
        let fresh = try await WebSocketConnection.open(
            endpoint, headers: headers, timeout: timeout, maxReplyBytes: maxReplyBytes, tls: tls)
        open[conversation] = fresh
        return (fresh, true)
    }

    func drop(_ conversation: String) {
        open.removeValue(forKey: conversation)?.close()
    }
}
