import Foundation
import Transport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A blocking JSON POST (``Transport/BlockingFetch``: bounded in time and size), for the scorers' synchronous clients.
public enum HTTPJSON {
    /// Why a request gave no usable answer.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        /// True when the request timed out.
        public var timedOut: Bool

        public init(_ message: String, timedOut: Bool = false) {
            self.message = message
            self.timedOut = timedOut
        }

        public var description: String { message }
    }

    /// Sends `body` to `url` and returns the response body of a 2xx answer, reading at most `maxBytes` of it.
    public static func post(
        _ url: URL, body: Data, headers: [String: String] = [:], timeout: Double,
        maxBytes: Int = BlockingFetch.defaultMaxBytes, fetch: BlockingFetch? = nil
    ) throws -> Data {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let reply: BlockingFetch.Reply
        do {
            var fetch = fetch ?? BlockingFetch(timeout: timeout)
            fetch.maxBytes = maxBytes
            fetch.timeout = timeout
            reply = try fetch.send(request)
        } catch let failure as BlockingFetch.Failure {
            if case .timedOut = failure { throw Failure("\(failure)", timedOut: true) }
            throw Failure("\(failure)")
        }
        guard (200..<300).contains(reply.status) else {
            let text = String(decoding: reply.body.prefix(200), as: UTF8.self)
            throw Failure("HTTP \(reply.status)\(text.isEmpty ? "" : ": \(text)")")
        }
        return reply.body
    }
}
