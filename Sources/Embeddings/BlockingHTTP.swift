import Foundation
import Transport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one request and waits for the answer on the calling thread (``Transport/BlockingFetch``: at most the
/// request's timeout and 16 MiB of body).
enum BlockingHTTP {
    /// The body and HTTP status of the reply.
    /// - Throws: ``RemoteEncoderError/transport(url:message:)`` when no complete reply came.
    static func send(_ request: URLRequest) throws -> (Data, Int) {
        do {
            let reply = try BlockingFetch(timeout: request.timeoutInterval).send(request)
            return (reply.body, reply.status)
        } catch {
            throw RemoteEncoderError.transport(url: request.url?.absoluteString ?? "?", message: "\(error)")
        }
    }
}
