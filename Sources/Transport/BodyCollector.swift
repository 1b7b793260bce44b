import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Collects one task's answer for ``BlockingFetch``, cancelling it once the body passes the limit.
///
/// `@unchecked Sendable`: URLSession calls it on its delegate queue, the waiting thread reads it after the semaphore
/// signals; every field is touched under `lock`.
final class BodyCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let limit: Int
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var body = Data()
    private var status = 0
    private var tooLarge = false
    private var error: Error?
    private var finished = false

    init(limit: Int) {
        self.limit = limit
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        let announced = response.expectedContentLength
        lock.withLock {
            status = http?.statusCode ?? 0
            if announced > Int64(limit) { tooLarge = true }
        }
        completionHandler(announced > Int64(limit) ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock { () -> Bool in
            guard !tooLarge else { return true }
            if body.count + data.count > limit {
                tooLarge = true
                body = Data()
                return true
            }
            body.append(data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let first = lock.withLock { () -> Bool in
            defer { finished = true }
            if !finished { self.error = error }
            return !finished
        }
        if first { done.signal() }
    }

    func wait(seconds: Double) -> Bool { done.wait(timeout: .now() + seconds) == .success }

    /// The answer once the task completed.
    func result(timeout: Double) throws -> BlockingFetch.Reply {
        try lock.withLock {
            if tooLarge { throw BlockingFetch.Failure.tooLarge(limit: limit) }
            if let error {
                if (error as? URLError)?.code == .timedOut { throw BlockingFetch.Failure.timedOut(seconds: timeout) }
                throw BlockingFetch.Failure.failed(error.localizedDescription)
            }
            return BlockingFetch.Reply(status: status, body: body)
        }
    }
}
