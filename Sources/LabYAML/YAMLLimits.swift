/// How much a YAML file ChatLab reads may hold. Beyond any of these the file is refused with file:line, before
/// anything walks it, so no input can make reading take exponential time or recurse without bound.
public struct YAMLLimits: Sendable, Hashable {
    /// The most bytes a file may have (configs and test sets are a few KB).
    public var maxBytes: Int
    /// The most values (scalars, lists and mappings) a document may hold once every alias (`*name`) is counted as a
    /// copy of what its anchor (`&name`) holds.
    public var maxNodes: Int
    /// The deepest nesting of lists and mappings, aliases expanded.
    public var maxDepth: Int

    public init(maxBytes: Int = 4 << 20, maxNodes: Int = 100_000, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }

    /// The limits every config, chatter file and test-set file is read with.
    public static let standard = YAMLLimits()
}
