import AsyncHTTPClient
import Foundation
import NIOSSL

/// The HTTP clients of one chatter (or judge, or encoder), one per conversation, so that each conversation keeps its
/// own connection between turns, as a real user's client would, and a server that ties state to connections sees
/// one per user. Requests outside any conversation share the client of the empty conversation name.
///
/// A conversation's client is made on its first request and shut down when the conversation ends; whatever is left
/// is shut down when this object goes away. `@unchecked Sendable`: `clients` is read and written under `lock`.
public final class ConversationClients: @unchecked Sendable {
    public let settings: ClientSettings
    private let lock = NSLock()
    private var clients: [String: HTTPClient] = [:]
    /// The TLS configuration every client shares, made (and the trust bundle read) on the first request.
    private var tls: TLSConfiguration?

    public init(settings: ClientSettings = ClientSettings()) {
        self.settings = settings
    }

    /// The conversation's client, made when it has none; `fresh` says whether it was just made.
    func client(for conversation: String) throws -> (client: HTTPClient, fresh: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if let client = clients[conversation] { return (client, false) }
        let tls = try self.tls ?? settings.tls.configuration()
        self.tls = tls
        let client = settings.makeClient(connections: conversation.isEmpty ? 16 : 2, tls: tls)
        clients[conversation] = client
        return (client, true)
    }

    /// Closes the conversation's connections.
    public func end(_ conversation: String) async {
        let client = lock.withLock { clients.removeValue(forKey: conversation) }
        try? await client?.shutdown()
    }

    deinit {
        for client in clients.values { client.shutdown { _ in } }
    }
}
