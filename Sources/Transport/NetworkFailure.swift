
/// How a request fails: each case has a kind (`timeout`, `connection`, `tls`, `http_<status>`, `malformed`,
/// `too_large`) that a chatter's failed turn records. Messages never contain header values, and secrets the peer
/// echoes are redacted before they reach a message (see ``Secrets``).
public enum NetworkFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No complete answer within the time limit.
    case timeout(String)
    /// The connection could not be made, was refused, reset or dropped.
    case connection(String)
    /// The server's certificate was not accepted (or the TLS handshake failed); the message says how to trust it.
    case tls(String)
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
        case .tls: return "tls"
        case .http(let status, _): return "http_\(status)"
        case .malformed: return "malformed"
        case .tooLarge: return "too_large"
        }
    }

    public var message: String {
        switch self {
        case .timeout(let m), .connection(let m), .tls(let m), .http(_, let m), .malformed(let m), .tooLarge(let m): return m
        }
    }

    public var description: String { "\(kind): \(message)" }

    /// This failure with a note of how many retries came before it (`… (after 2 retries)`).
    public func afterRetries(_ retries: Int) -> NetworkFailure {
        guard retries > 0 else { return self }
        let note = " (after \(retries) \(retries == 1 ? "retry" : "retries"))"
        switch self {
        case .timeout(let m): return .timeout(m + note)
        case .connection(let m): return .connection(m + note)
        case .tls(let m): return .tls(m + note)
        case .http(let status, let m): return .http(status: status, m + note)
        case .malformed(let m): return .malformed(m + note)
        case .tooLarge(let m): return .tooLarge(m + note)
        }
    }

    /// Whether trying again may help: connection problems, 429 and 5xx.
    public var isRetryable: Bool {
        switch self {
        case .connection: return true
        case .http(let status, _): return status == 429 || (500...599).contains(status)
        case .timeout, .tls, .malformed, .tooLarge: return false
        }
    }
}
