import Foundation
import NIOHTTP1

/// The answer to the request in flight on one HTTP connection, handed from the channel handler to the one waiting
/// reader.
///
/// `@unchecked Sendable`: every field is read and written under `lock`; the continuation is resumed after it is
/// released.
final class HTTPResponseInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var start = ContinuousClock.now
    private var answer = HTTPAnswer(status: 0, headers: [:], body: Data(), chunks: [], seconds: 0)
    private var outcome: Result<HTTPAnswer, NetworkFailure>?
    private var waiter: CheckedContinuation<HTTPAnswer, any Error>?
    /// Whether any byte of the current answer arrived: a kept connection that fails before that may be retried.
    private(set) var answerStarted = false
    /// Whether the server lets the connection be used again (HTTP/1.1 keep-alive, no `Connection: close`).
    private(set) var keepAlive = false
    private var ended: NetworkFailure?

    /// A new request is about to be sent; its answer is timed from `start`.
    func begin(at start: ContinuousClock.Instant) {
        lock.lock()
        self.start = start
        answer = HTTPAnswer(status: 0, headers: [:], body: Data(), chunks: [], seconds: 0)
        outcome = ended.map { .failure($0) }
        answerStarted = false
        keepAlive = false
        lock.unlock()
    }

    func head(_ head: HTTPResponseHead) {
        lock.lock()
        answerStarted = true
        answer.status = Int(head.status.code)
        answer.headers = head.headers
        keepAlive = head.isKeepAlive
        lock.unlock()
    }

    func body(_ bytes: Data) {
        lock.lock()
        answerStarted = true
        answer.body.append(bytes)
        answer.chunks.append(((ContinuousClock.now - start).seconds, bytes))
        lock.unlock()
    }

    /// The answer is complete.
    func end() {
        lock.lock()
        answer.seconds = (ContinuousClock.now - start).seconds
        finish(.success(answer))
    }

    /// The connection ended, failed or timed out: the answer in flight (if any) and every later one fail with
    /// `failure`.
    func fail(_ failure: NetworkFailure) {
        lock.lock()
        if ended == nil { ended = failure }
        keepAlive = false
        finish(.failure(failure))
    }

    /// Stores the outcome unless one is already there, and wakes the reader; called with `lock` held, releases it.
    private func finish(_ result: Result<HTTPAnswer, NetworkFailure>) {
        guard outcome == nil else {
            lock.unlock()
            return
        }
        guard let waiter else {
            outcome = result
            lock.unlock()
            return
        }
        self.waiter = nil
        outcome = result
        lock.unlock()
        waiter.resume(with: result.mapError { $0 as any Error })
    }

    /// Waits for the answer (or the failure that ended the connection).
    func wait() async throws -> HTTPAnswer {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let outcome {
                lock.unlock()
                continuation.resume(with: outcome.mapError { $0 as any Error })
                return
            }
            waiter = continuation
            lock.unlock()
        }
    }
}
