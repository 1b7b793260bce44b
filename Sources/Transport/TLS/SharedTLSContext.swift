import Foundation
import NIOSSL

/// One TLS context for all the connections of one owner (a WebSocket chatter's conversations), made on first use:
/// the trust bundle is read once, not once per connection.
///
/// `@unchecked Sendable`: `context` is read and written under `lock`; `NIOSSLContext` itself is thread-safe.
public final class SharedTLSContext: @unchecked Sendable {
    public let settings: TLSSettings
    private let lock = NSLock()
    private var context: NIOSSLContext?

    public init(_ settings: TLSSettings = TLSSettings()) {
        self.settings = settings
    }

    /// The context, made now if this is the first use.
    /// - Throws: what NIOSSL throws for a configuration it cannot use.
    func get() throws -> NIOSSLContext {
        try lock.withLock {
            if let context { return context }
            let made = try NIOSSLContext(configuration: settings.configuration())
            context = made
            return made
        }
    }
}
