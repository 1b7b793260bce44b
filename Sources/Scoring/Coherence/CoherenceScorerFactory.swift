import LabCore
import LabYAML

/// Makes the `coherence` (ML-I2) and `relevance` (ML-I3) scorers from their options, with the encoder of a
/// ``TextEncoderProvider`` (handed in by the caller, see ``ScoringServices``). No encoder is a config error at the scorer's entry.
public enum CoherenceScorerFactory {
    public static let coherenceOptions: [String: String] = [
        "threshold": "fail below this similarity (default 0.2)",
        "tokens": "white-space tokens of conversation, including the last utterance (default 200)",
    ]
    public static let relevanceOptions: [String: String] = ["threshold": "fail below this similarity (default 0.2)"]

    public static func coherence(_ options: YAMLMap, encoders: TextEncoderProvider) throws -> CoherenceScorer {
        CoherenceScorer(
            scope: .context(tokenBudget: try options["tokens"]?.int(in: 1...100_000) ?? 200),
            encoder: try encoder(options, encoders), threshold: try options["threshold"]?.double(in: -1...1) ?? CoherenceScorer.defaultThreshold)
    }

    public static func relevance(_ options: YAMLMap, encoders: TextEncoderProvider) throws -> CoherenceScorer {
        CoherenceScorer(
            scope: .lastUtterance, encoder: try encoder(options, encoders),
            threshold: try options["threshold"]?.double(in: -1...1) ?? CoherenceScorer.defaultThreshold)
    }

    static func encoder(_ options: YAMLMap, _ encoders: TextEncoderProvider) throws -> any TextEncoder {
        do {
            return try encoders.encoder()
        } catch {
            throw (options["enabled"] ?? options.owner).badValue(
                "needs a sentence encoder: \(error)", fix: "Install one, or set enabled: false.")
        }
    }
}
