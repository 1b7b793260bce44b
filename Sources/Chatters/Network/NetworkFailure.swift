import LabCore

/// How a network chatter's turn fails: each case becomes a ``ChatterError/failed(kind:message:)`` whose kind is
/// `timeout`, `connection`, `http_<status>`, `malformed` or `too_large`. Messages never contain header values.
public enum NetworkFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No complete answer within the time limit.
    case timeout(String)
    /// The connection could not be made, was refused, reset or dropped.
    case connection(String)
    /// The server answered with a status that is not 2xx.
    case http(status: Int, String)
    /// The answer could not be read: not JSON, no reply at the reply path, a broken stream.
    case malformed(String)
    /// The answer (or one WebSocket message) grew past the chatter's `max_reply_bytes`; reading stopped there and the
    /// connection was closed.
    case tooLarge(String)

    /// The turn error's kind.
    public var kind: String {
        switch self {
        case .timeout: return "timeout"
        case .connection: return "connection"
        case .http(let status, _): return "http_\(status)"
        case .malformed: return "malformed"
        case .tooLarge: return "too_large"
        }
    }

    public var message: String {
        switch self {
        case .timeout(let m), .connection(let m), .http(_, let m), .malformed(let m), .tooLarge(let m): return m
        }
    }

    public var description: String { "\(kind): \(message)" }

    /// The error a chatter throws for this failure.
    public func chatterError(retries: Int = 0) -> ChatterError {
        let note = retries > 0 ? " (after \(retries) \(retries == 1 ? "retry" : "retries"))" : ""
        return .failed(kind: kind, message: message + note)
    }

    /// Whether trying again may help: connection problems, 429 and 5xx.
    public var isRetryable: Bool {
        switch self {
        case .connection: return true
        case .http(let status, _): return status == 429 || (500...599).contains(status)
        case .timeout, .malformed, .tooLarge: return false
        }
    }
}
