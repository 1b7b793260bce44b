/// What a chatter factory may use besides its options.
public struct ChatterContext: Sendable {
    /// Where a human chatter reads and writes.
    public var console: any HumanConsole
    /// The folder of the config file, for options that name files relative to it.
    public var baseDirectory: String
    /// How the other chatter is called (for prompts).
    public var otherName: String
    /// Where a factory says something the user should know that is not an error (e.g. `insecure: true`).
    public var warn: @Sendable (String) -> Void

    public init(console: any HumanConsole = NoConsole(), baseDirectory: String = ".", otherName: String = "bot",
                warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.console = console
        self.baseDirectory = baseDirectory
        self.otherName = otherName
        self.warn = warn
    }
}
