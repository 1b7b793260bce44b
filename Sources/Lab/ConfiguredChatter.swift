import LabCore

/// A chatter as an experiment uses it: the chatter, its label, its memory window and its price.
public struct ConfiguredChatter: Sendable {
    /// The `kind:` it was made from.
    public var kind: String
    /// The label in reports and prompts.
    public var name: String
    public var memory: MemoryWindow
    public var chatter: any Chatter
    /// Its price per million tokens (`price`, for kinds that report token metrics), for the usage summaries.
    public var price: TokenPrice?

    public init(kind: String, name: String, memory: MemoryWindow, chatter: any Chatter, price: TokenPrice? = nil) {
        self.kind = kind
        self.name = name
        self.memory = memory
        self.chatter = chatter
        self.price = price
    }

    /// One line for reports, e.g. `tester (script, last 6 utterances)`.
    public var label: String { "\(name) (\(kind), memory: \(memory))" }
}
