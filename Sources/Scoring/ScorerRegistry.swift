import LabCore
import LabYAML

/// Every scorer a config can name. To add one: write the scorer in its own file and add one entry here.
public enum ScorerRegistry {
    public static let all: [ScorerKind] = [
        ScorerKind(
            id: "stutter", code: "ML-A6", summary: "repeated words and phrases inside a reply (n-gram stutter value)",
            options: ["threshold": "fail above this stutter value (default 0.33)"]
        ) { options in
            StutterScorer(threshold: try options["threshold"]?.double(in: 0...100) ?? 0.33)
        },
        ScorerKind(
            id: "repeated_questions", code: "ML-A7",
            summary: "a reply asks a question the same chatter already asked in this conversation"
        ) { _ in RepeatedQuestionScorer() },
        ScorerKind(
            id: "response_time", code: "RT", summary: "seconds the chatter took to reply; mean, median, p95, max",
            options: ["max_seconds": "a reply slower than this fails (default 10)"]
        ) { options in
            ResponseTimeScorer(maxSeconds: try options["max_seconds"]?.double(in: 0...86_400) ?? 10)
        },
    ]

    /// Options of the `answers` scorer, which judges the replies to probe questions (one series per probe code).
    public static let answerOptions: [String: String] = [:]

    /// Makes the answer scorer of every probe code that the experiment injects.
    public static func answerScorers(codes: [(code: String, title: String)], maxDistance: Int, options: YAMLMap?) throws
        -> [any Scorer]
    {
        let judge: any AnswerJudge = DefaultJudge()
        return codes.map { code -> any Scorer in
            code.code == "ML-I13"
                ? ConsistencyScorer()
                : ProbeAnswerScorer(code: code.code, title: code.title, judge: judge, maxDistance: maxDistance)
        }
    }

    /// The entry with this id, if any.
    public static func kind(_ id: String) -> ScorerKind? { all.first { $0.id == id } }
}
