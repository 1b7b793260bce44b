import LabCore
import LabYAML

/// One entry of the scorer table: how a scorer is named in configs and how it is made from its options.
public struct ScorerKind: Sendable {
    /// The key under `scorers:` in a config, e.g. `stutter`.
    public let id: String
    /// The catalogue entries of the codes the scorer reports under, with their default thresholds (one for most
    /// scorers; one per rubric for the LLM judge).
    public let checks: [CheckEntry]
    public let summary: String
    /// Option keys this scorer takes besides `enabled`, with their meaning and default, for docs and messages.
    public let options: [String: String]
    /// Whether the scorer runs when the config does not mention it.
    public let enabledByDefault: Bool
    /// Makes the scorer from its options (an empty mapping when the config gives none) and the services it may use.
    public let make: @Sendable (YAMLMap, ScoringServices) throws -> any Scorer

    public init(
        id: String, checks: [CheckEntry], summary: String, options: [String: String] = [:], enabledByDefault: Bool = true,
        make: @escaping @Sendable (YAMLMap, ScoringServices) throws -> any Scorer
    ) {
        self.id = id
        self.checks = checks
        self.summary = summary
        self.options = options
        self.enabledByDefault = enabledByDefault
        self.make = make
    }

    /// The test codes shown in reports, e.g. `ML-A6`.
    public var codes: [String] { checks.map(\.code) }
}
