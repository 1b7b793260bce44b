import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Turns the errors of SwiftNIO, NIOSSL and async-http-client into ``NetworkFailure``s whose messages say what
/// happened in plain words (`connection refused`, an untrusted certificate and how to trust it).
enum ConnectionText {
    /// The failure for `error` from a request to `endpoint`.
    static func failure(_ error: any Error, endpoint: Endpoint, call: HTTPCall? = nil, elapsed: Duration = .zero)
        -> NetworkFailure
    {
        if let tls = tlsProblem(error, endpoint: endpoint) { return .tls(tls) }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .tlsHandshakeTimeout:
                return .timeout("could not connect to \(endpoint.address) in time")
            case .deadlineExceeded, .readTimeout:
                let limit = call.map { min($0.firstByteTimeout ?? $0.timeout, $0.timeout).secondsText } ?? "the time limit"
                return .timeout("no answer from \(endpoint.address) within \(limit)")
            case .remoteConnectionClosed:
                return .connection("\(endpoint.address) closed the connection before answering")
            case .cancelled:
                return .timeout("no complete answer from \(endpoint.address) within \(elapsed.secondsText)")
            default:
                return .connection("the request to \(endpoint.address) failed: \(error)")
            }
        }
        return .connection("cannot reach \(endpoint.address): \(describe(error))")
    }

    /// Short descriptions of socket errors (`connection refused`, `connection reset by peer`).
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

    /// The message for a certificate the client did not accept, or `nil` when `error` is not about TLS.
    static func tlsProblem(_ error: any Error, endpoint: Endpoint) -> String? {
        let text = String(describing: error)
        let hint = "If the server uses a private CA, give the chatter 'ca_file: <the CA's PEM file>'; for a "
            + "self-signed test server only, 'insecure: true'."
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return "the TLS certificate of \(endpoint.address) is not valid for the name '\(endpoint.host)'. \(hint)"
        }
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") {
            return "the TLS certificate of \(endpoint.address) is not trusted (certificate verify failed). \(hint)"
        }
        if error is NIOSSLError || error is BoringSSLError {
            return "the TLS handshake with \(endpoint.address) failed (\(Excerpt.short(text))). Is it a TLS server? "
                + "Use http:// or ws:// for a plain one."
        }
        return nil
    }
}

/// The start of an untrusted text, for messages.
enum Excerpt {
    static func short(_ text: String, limit: Int = 160) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
