import Foundation
import LabCore

/// Text messages received on a WebSocket connection, handed to one waiting reader at a time, each with the
/// monotonic time it arrived (stamped on the event loop, so a busy reader does not add its own delay).
///
/// The channel handler delivers messages and the end of the connection; a chatter waits for the next message with
/// a time limit. Unread messages together may hold at most `limit` bytes; past that the connection ends as
/// ``NetworkFailure/tooLarge(_:)``. `@unchecked Sendable`: every field is read and written under `lock`; continuations are resumed after
/// it is released.
final class WebSocketInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Arrival] = []
    private var waiter: (id: Int, continuation: CheckedContinuation<Arrival, any Error>)?
    private var nextID = 0
    private var ended: NetworkFailure?
    private var queuedBytes = 0
    private let limit: Int
    private let address: String

    /// A message and the monotonic second (CLOCK_MONOTONIC) it arrived.
    struct Arrival: Sendable {
        var text: String
        var time: Double
    }

    init(limit: Int = ReplyLimit.defaultBytes, address: String = "the server") {
        self.limit = limit
        self.address = address
    }

    /// The failure for a message (or backlog of messages) over the limit.
    func tooLarge() -> NetworkFailure { ReplyLimit.failure(address, limit: limit) }

    /// Whether the connection has ended.
    var hasEnded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return ended != nil
    }

    /// A message arrived.
    func deliver(_ text: String) {
        let arrival = Arrival(text: text, time: SystemClock().monotonicSeconds())
        lock.lock()
        if let waiter {
            self.waiter = nil
            lock.unlock()
            waiter.continuation.resume(returning: arrival)
        } else if queuedBytes + text.utf8.count > limit {
            lock.unlock()
            end(tooLarge())
        } else {
            queuedBytes += text.utf8.count
            queue.append(arrival)
            lock.unlock()
        }
    }

    /// The connection ended; the current and all later waits fail with `failure`.
    func end(_ failure: NetworkFailure) {
        lock.lock()
        if ended == nil { ended = failure }
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.continuation.resume(throwing: failure)
    }

    /// Waits for the next message; `schedule` arranges a call of its argument when the time limit is up.
    func next(timeout failure: NetworkFailure, schedule: (@escaping @Sendable () -> Void) -> Void) async throws -> Arrival {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if !queue.isEmpty {
                let arrival = queue.removeFirst()
                queuedBytes -= arrival.text.utf8.count
                lock.unlock()
                continuation.resume(returning: arrival)
                return
            }
            if let ended {
                lock.unlock()
                continuation.resume(throwing: ended)
                return
            }
            nextID += 1
            let id = nextID
            waiter = (id, continuation)
            lock.unlock()
            schedule { [weak self] in self?.expire(id, failure) }
        }
    }

    private func expire(_ id: Int, _ failure: NetworkFailure) {
        lock.lock()
        guard let waiter, waiter.id == id else {
            lock.unlock()
            return
        }
        self.waiter = nil
        lock.unlock()
        waiter.continuation.resume(throwing: failure)
    }
}
