import LabCore
import LabYAML

/// One entry of the chatter table: the `kind:` a config names and how to make the chatter from its options.
public struct ChatterKind: Sendable {
    /// The value of `kind:` in a config, e.g. `script`.
    public let id: String
    public let summary: String
    /// Option keys this kind takes (besides `kind`, `name`, `memory`), with their meaning, for docs and messages.
    public let options: [(key: String, meaning: String)]
    /// Makes the chatter; throws a ``ConfigError`` naming the file and line when an option is wrong.
    public let make: @Sendable (YAMLMap, ChatterContext) throws -> any Chatter

    public init(
        id: String, summary: String, options: [(key: String, meaning: String)] = [],
        make: @escaping @Sendable (YAMLMap, ChatterContext) throws -> any Chatter
    ) {
        self.id = id
        self.summary = summary
        self.options = options
        self.make = make
    }
}
