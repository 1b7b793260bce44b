import Chatters
import Foundation

/// Where the CLI shows load-time warnings (e.g. `insecure: true`): standard error, `warning: <file:line>: ...`.
enum Warnings {
    @Sendable static func toStandardError(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(TerminalText.escaped(message))\n".utf8))
    }

    /// A chatter context that warns on standard error.
    static func context(console: any HumanConsole = NoConsole()) -> ChatterContext {
        ChatterContext(console: console, warn: toStandardError)
    }
}
