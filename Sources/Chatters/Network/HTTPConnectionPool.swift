import Synchronization

/// The idle keep-alive connections of one network chatter, one per conversation: a conversation's turns follow each
/// other, so each reuses the connection the turn before it left open.
final class HTTPConnectionPool: Sendable {
    private let idle = Mutex<[String: HTTPConnection]>([:])

    /// The conversation's idle connection, taken out of the pool (the caller puts it back when done).
    func take(_ conversation: String) -> HTTPConnection? {
        idle.withLock { $0.removeValue(forKey: conversation) }
    }

    /// Keeps `connection` for the conversation's next request (closing any other one kept for it).
    func put(_ conversation: String, _ connection: HTTPConnection) {
        idle.withLock { $0.updateValue(connection, forKey: conversation) }?.close()
    }

    /// Closes the conversation's connection, if one is kept.
    func drop(_ conversation: String) {
        take(conversation)?.close()
    }

    deinit {
        idle.withLock { connections in
            for connection in connections.values { connection.close() }
        }
    }
}
