import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one request through `URLSession` and waits for the answer on the calling thread.
enum BlockingHTTP {
    /// The body and HTTP status of the reply.
    /// - Throws: ``RemoteEncoderError/transport(url:message:)`` when no reply came.
    static func send(_ request: URLRequest) throws -> (Data, Int) {
        let done = DispatchSemaphore(value: 0)
        let outcome = Locked<Result<(Data, Int), RemoteEncoderError>?>(nil)
        let url = request.url?.absoluteString ?? "?"
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            let result: Result<(Data, Int), RemoteEncoderError>
            if let error {
                result = .failure(.transport(url: url, message: error.localizedDescription))
            } else if let response = response as? HTTPURLResponse {
                result = .success((data ?? Data(), response.statusCode))
            } else {
                result = .failure(.transport(url: url, message: "the reply is not HTTP"))
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        task.resume()
        done.wait()
        return try outcome.withLock { $0! }.get()
    }
}
