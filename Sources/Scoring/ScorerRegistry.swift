import LabCore
import LabYAML

/// Every scorer a config can name. To add one: write the scorer in its own file (with a `static let check:
/// CheckEntry` for its code) and add one entry here; its code then reaches the catalogue (`CheckCatalogue.builtIn`).
public enum ScorerRegistry {
    public static let all: [ScorerKind] = [
        ScorerKind(
            id: "stutter", checks: [StutterScorer.check], summary: "repeated words and phrases inside a reply (n-gram stutter value)",
            options: ["threshold": "fail above this stutter value (default \(StutterScorer.defaultThreshold))"]
        ) { options, _ in
            StutterScorer(threshold: try options["threshold"]?.double(in: 0...100) ?? StutterScorer.defaultThreshold)
        },
        ScorerKind(
            id: "repeated_questions", checks: [RepeatedQuestionScorer.check],
            summary: "a reply asks a question the same chatter already asked in this conversation"
        ) { _, _ in RepeatedQuestionScorer() },
        ScorerKind(
            id: "response_time", checks: [ResponseTimeScorer.check], summary: "seconds the chatter took to reply; mean, median, p95, max",
            options: ["max_seconds": "a reply slower than this fails (default 10)"]
        ) { options, _ in
            ResponseTimeScorer(maxSeconds: try options["max_seconds"]?.double(in: 0...86_400) ?? ResponseTimeScorer.defaultMaxSeconds)
        },
        ScorerKind(
            id: "toxicity", checks: [ToxicityScorer.check],
            summary: "offensive language: the offline profanity model, or 7 categories from a moderation/classifier endpoint",
            options: ToxicityScorerFactory.options, enabledByDefault: false
        ) { options, _ in try ToxicityScorerFactory.make(options) },
        ScorerKind(
            id: "coherence", checks: [CoherenceScorer.coherenceCheck],
            summary: "cosine similarity of the reply to the conversation before it (sentence encoder)",
            options: CoherenceScorerFactory.coherenceOptions, enabledByDefault: false
        ) { options, services in
            try CoherenceScorerFactory.coherence(options, encoders: services.encoders)
        },
        ScorerKind(
            id: "relevance", checks: [CoherenceScorer.relevanceCheck],
            summary: "cosine similarity of the reply to the utterance it answers (sentence encoder)",
            options: CoherenceScorerFactory.relevanceOptions, enabledByDefault: false
        ) { options, services in
            try CoherenceScorerFactory.relevance(options, encoders: services.encoders)
        },
        ScorerKind(
            id: "llm_judge", checks: JudgeRubric.checks,
            summary: "an LLM judges each reply by a rubric (answers, coherence, toxicity or free) over chat completions",
            options: LLMJudgeFactory.options, enabledByDefault: false
        ) { options, _ in try LLMJudgeFactory.make(options) },
    ]

    /// Options of the `answers` scorer, which judges the replies to probe questions (one series per probe code).
    public static let answerOptions: [String: String] = [
        "judge": "lexical (default; 99.3 % on the shipped calibration set) or semantic (adds sentence-embedding similarity)",
        "similarity_threshold": "for the semantic judge: pass at or above this cosine similarity (default 0.6)",
    ]

    /// Makes the answer scorer of every probe code that the experiment injects, each with its code's breakdown.
    public static func answerScorers(
        codes: [(code: String, title: String, breakdown: Breakdown?)], options: YAMLMap?, services: ScoringServices
    ) throws -> [any Scorer] {
        var judge: any AnswerJudge = DefaultJudge()
        if let options, try options["judge"]?.choice(["lexical", "semantic"]) == "semantic" {
            let threshold = try options["similarity_threshold"]?.double(in: 0...1) ?? 0.6
            do {
                judge = SemanticAnswerJudge(encoder: try services.encoders.encoder(), threshold: threshold)
            } catch {
                throw options["judge"]!.badValue("needs a sentence encoder: \(error)", fix: "Run 'chatlab models install'.")
            }
        }
        return codes.map { code -> any Scorer in
            code.code == "ML-I13"
                ? ConsistencyScorer()
                : ProbeAnswerScorer(code: code.code, title: code.title, judge: judge, breakdown: code.breakdown)
        }
    }

    /// The catalogue entries of every registered scorer, in registry order.
    public static var checks: [CheckEntry] { all.flatMap(\.checks) }

    /// The entry with this id, if any.
    public static func kind(_ id: String) -> ScorerKind? { all.first { $0.id == id } }
}
