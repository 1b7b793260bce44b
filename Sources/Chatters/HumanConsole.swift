/// Where a person reads the conversation and types replies. The command line provides the terminal; tests provide
/// scripted input.
public protocol HumanConsole: Sendable {
    /// Shows a line to the person.
    func show(_ line: String) async
    /// Shows `prompt` and reads one line; `nil` at end of input.
    func readLine(prompt: String) async -> String?
}

/// A console with no person at it: reading always gives end of input, so a human chatter ends the conversation.
public struct NoConsole: HumanConsole {
    public init() {}
    public func show(_ line: String) async {}
    public func readLine(prompt: String) async -> String? { nil }
}
