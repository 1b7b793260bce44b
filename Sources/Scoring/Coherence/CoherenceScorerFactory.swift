import LabCore
import LabYAML

/// Makes the `coherence` (ML-I2) and `relevance` (ML-I3) scorers from their options, with the encoder of a
/// ``TextEncoderProvider`` (handed in by the caller, see ``ScoringServices``). No encoder is a config error at the scorer's entry.
public enum CoherenceScorerFactory {
    public static let coherenceOptions: [String: String] = [
        "threshold": "fail below this similarity (default 0.2)",
        "tokens": "white-space tokens of conversation, including the last utterance (default 200)",
        "method": "follows (default: dialogue-act rules, then similarity) or cosine (similarity only)",
    ]
    public static let relevanceOptions: [String: String] = [
        "threshold": "fail below this similarity (default 0.2)",
        "method": "follows (default: dialogue-act rules, then similarity) or cosine (similarity only)",
    ]

    public static func coherence(_ options: YAMLMap, encoders: TextEncoderProvider) throws -> CoherenceScorer {
        CoherenceScorer(
            scope: .context(tokenBudget: try options["tokens"]?.int(in: 1...100_000) ?? 200),
            encoder: try encoder(options, encoders), threshold: try options["threshold"]?.double(in: -1...1) ?? CoherenceScorer.defaultThreshold,
            method: try method(options))
    }

    public static func relevance(_ options: YAMLMap, encoders: TextEncoderProvider) throws -> CoherenceScorer {
        CoherenceScorer(
            scope: .lastUtterance, encoder: try encoder(options, encoders),
            threshold: try options["threshold"]?.double(in: -1...1) ?? CoherenceScorer.defaultThreshold,
            method: try method(options))
    }

    static func method(_ options: YAMLMap) throws -> CoherenceScorer.Method {
        guard let value = options["method"] else { return .follows }
        return CoherenceScorer.Method(rawValue: try value.choice(CoherenceScorer.Method.allCases.map(\.rawValue))) ?? .follows
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
