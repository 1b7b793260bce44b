import LabCore

/// A chatter as an experiment uses it: the chatter, its label and its memory window.
public struct ConfiguredChatter: Sendable {
    /// The `kind:` it was made from.
    public var kind: String
    /// The label in reports and prompts.
    public var name: String
    public var memory: MemoryWindow
    public var chatter: any Chatter

    public init(kind: String, name: String, memory: MemoryWindow, chatter: any Chatter) {
        self.kind = kind
        self.name = name
        self.memory = memory
        self.chatter = chatter
    }

    /// One line for reports, e.g. `tester (script, last 6 utterances)`.
    public var label: String { "\(name) (\(kind), memory: \(memory))" }
}
