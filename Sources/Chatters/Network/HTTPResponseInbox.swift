import Foundation
import NIOHTTP1

/// The answer to the request in flight on one HTTP connection, handed from the channel handler to the one waiting
/// reader.
///
/// Bounded: an answer whose `Content-Length` or body passes the request's byte limit fails as
/// ``NetworkFailure/tooLarge(_:)`` (the handler then closes the connection). Anything that arrives while no request
/// is in flight (an unsolicited answer on a kept connection) is never taken for a later request's answer: it fails
/// the connection, which is then closed and not kept.
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
    /// Whether a request is in flight: set by ``begin(at:limit:address:)``, cleared when its answer is complete.
    private var expecting = false
    private var limit = ReplyLimit.defaultBytes
    private var address = ""

    /// A new request is about to be sent; its answer is timed from `start` and may hold at most `limit` body bytes.
    func begin(at start: ContinuousClock.Instant, limit: Int, address: String) {
        lock.lock()
        self.start = start
        self.limit = limit
        self.address = address
        expecting = true
        answer = HTTPAnswer(status: 0, headers: [:], body: Data(), chunks: [], seconds: 0)
        outcome = ended.map { .failure($0) }
        answerStarted = false
        keepAlive = false
        lock.unlock()
    }

    /// The head of an answer arrived. Returns `false` when the connection must be closed: nothing was asked, or the
    /// announced `Content-Length` passes the limit.
    func head(_ head: HTTPResponseHead) -> Bool {
        lock.lock()
        guard expecting else { return unsolicited() }
        answerStarted = true
        answer.status = Int(head.status.code)
        answer.headers = head.headers
        keepAlive = head.isKeepAlive
        let announced = head.headers.first(name: "content-length").flatMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        if let announced, announced > UInt64(limit) { return overflow() }
        lock.unlock()
        return true
    }

    /// A piece of the body arrived. Returns `false` when the connection must be closed: nothing was asked, or the body
    /// passed the limit.
    func body(_ bytes: Data) -> Bool {
        lock.lock()
        guard expecting else { return unsolicited() }
        answerStarted = true
        guard answer.body.count + bytes.count <= limit else { return overflow() }
        answer.body.append(bytes)
        answer.chunks.append(((ContinuousClock.now - start).seconds, bytes))
        lock.unlock()
        return true
    }

    /// The answer is complete. Returns `false` when nothing was asked (the connection must be closed).
    func end() -> Bool {
        lock.lock()
        guard expecting else { return unsolicited() }
        expecting = false
        answer.seconds = (ContinuousClock.now - start).seconds
        finish(.success(answer))
        return true
    }

    /// Data nobody asked for: the connection can no longer be trusted to pair requests and answers. Called with `lock`
    /// held, releases it.
    private func unsolicited() -> Bool {
        if ended == nil { ended = .connection("\(address) sent data while no request was in flight; the connection was closed") }
        keepAlive = false
        lock.unlock()
        return false
    }

    /// The answer passed the limit: fails it as too large. Called with `lock` held, releases it.
    private func overflow() -> Bool {
        let failure = ReplyLimit.failure(address, limit: limit)
        if ended == nil { ended = failure }
        keepAlive = false
        expecting = false
        answer.body = Data()
        answer.chunks = []
        finish(.failure(failure))
        return false
    }

    /// The connection ended, failed or timed out: the answer in flight (if any) and every later one fail with
    /// `failure`.
    func fail(_ failure: NetworkFailure) {
        lock.lock()
        if ended == nil { ended = failure }
        keepAlive = false
        expecting = false
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
