import LabCore
import LabYAML

/// One entry of the scorer table: how a scorer is named in configs and how it is made from its options.
public struct ScorerKind: Sendable {
    /// The key under `scorers:` in a config, e.g. `stutter`.
    public let id: String
    /// The test code shown in reports, e.g. `ML-A6`.
    public let code: String
    public let summary: String
    /// Option keys this scorer takes besides `enabled`, with their meaning and default, for docs and messages.
    public let options: [String: String]
    /// Whether the scorer runs when the config does not mention it.
    public let enabledByDefault: Bool
    /// Makes the scorer from its options (an empty mapping when the config gives none) and the services it may use.
    public let make: @Sendable (YAMLMap, ScoringServices) throws -> any Scorer

    public init(
        id: String, code: String, summary: String, options: [String: String] = [:], enabledByDefault: Bool = true,
        make: @escaping @Sendable (YAMLMap, ScoringServices) throws -> any Scorer
    ) {
        self.id = id
        self.code = code
        self.summary = summary
        self.options = options
        self.enabledByDefault = enabledByDefault
        self.make = make
    }
}
