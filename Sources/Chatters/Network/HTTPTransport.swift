import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends HTTP/1.1 requests (SwiftNIO, plain TCP) and reads whole answers.
///
/// Any status is returned as an answer; only transport problems throw, as ``NetworkFailure/timeout(_:)`` or
/// ``NetworkFailure/connection(_:)``.
enum HTTPTransport {
    /// Sends `call` over the conversation's kept connection when `pool` has one, else over a new one, and keeps the
    /// connection in `pool` afterwards when the server allows it. A kept connection the server has meanwhile closed
    /// (it fails before any part of the answer arrives) is replaced by a new one once, within the same time limit.
    static func send(_ call: HTTPCall, pool: HTTPConnectionPool, conversation: String) async throws -> HTTPAnswer {
        let start = ContinuousClock.now
        let head = head(for: call)
        var kept = pool.take(conversation)
        while true {
            let connection: HTTPConnection
            if let kept { connection = kept } else {
                connection = try await HTTPConnection.open(call.endpoint, start: start, timeout: call.timeout)
            }
            do {
                let answer = try await connection.exchange(call, head: head, start: start)
                if connection.isReusable { pool.put(conversation, connection) } else { connection.close() }
                return answer
            } catch let failure as NetworkFailure {
                connection.close()
                guard kept != nil, case .connection = failure, !connection.answerStarted else { throw failure }
                kept = nil
            }
        }
    }

    private static func head(for call: HTTPCall) -> HTTPRequestHead {
        var head = HTTPRequestHead(version: .http1_1, method: call.method, uri: call.endpoint.target)
        head.headers.add(name: "Host", value: call.endpoint.hostHeader)
        head.headers.add(name: "User-Agent", value: "chatlab")
        if call.body != nil, !call.headers.has("content-type") {
            head.headers.add(name: "Content-Type", value: "application/json")
        }
        head.headers.add(name: "Content-Length", value: String(call.body?.count ?? 0))
        for field in call.headers.fields { head.headers.add(name: field.name, value: field.value) }
        return head
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// e.g. `2.5 s`.
    var secondsText: String {
        let value = seconds
        return value.rounded() == value ? "\(Int(value)) s" : "\(value) s"
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        self = .nanoseconds(Int64(duration.seconds * 1e9))
    }
}

/// Short descriptions of socket errors (`connection refused`, `connection reset by peer`).
enum ConnectionText {
    static func describe(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return describe(first.error)
        }
        if let error = error as? ChannelError, error == .ioOnClosedChannel || error == .alreadyClosed || error == .eof {
            return "the connection was closed"
        }
        return "\(error)"
    }
}
