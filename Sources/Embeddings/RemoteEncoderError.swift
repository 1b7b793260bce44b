/// Errors of ``RemoteEncoder``; each names the URL, and the HTTP status when there was one.
public enum RemoteEncoderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable that should hold the API key is unset or empty.
    case missingAPIKey(variable: String)
    /// The server answered with a status other than 200.
    case http(url: String, status: Int, message: String)
    /// The server answered 200 with something that is not an embeddings reply for the texts sent.
    case malformedReply(url: String, reason: String)
    /// No answer: connection refused, timeout, DNS...
    case transport(url: String, message: String)

    public var description: String {
        switch self {
        case .missingAPIKey(let variable):
            return "error: the environment variable \(variable) holding the embeddings API key is not set. "
                + "Export it, or name another with --api-key-env."
        case .http(let url, let status, let message):
            let hint = status == 401 || status == 403 ? " Check the API key." : ""
            return "\(url): error: HTTP \(status): \(message)\(hint)"
        case .malformedReply(let url, let reason):
            return "\(url): error: not an embeddings reply: \(reason)"
        case .transport(let url, let message):
            return "\(url): error: no reply: \(message)"
        }
    }
}
