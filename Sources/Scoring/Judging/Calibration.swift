import LabCore

/// Runs the answer judges over a labeled set and measures them against the labels (``CalibrationReport``).
///
/// Judges: `default` (``DefaultJudge``, every item), `closed` (``ClosedAnswerJudge``, closed items), `lexical-open`
/// (``OpenAnswerJudge``, open items, scored by edit similarity) and, only when an encoder is given, `semantic-open`
/// (``SemanticAnswerJudge``, open items, scored by cosine similarity). Every judge is also measured per class of item.
/// Scored judges also get the threshold on their score that maximises accuracy, and one fitted on half of the items
/// and measured on the other half (``HeldOutThreshold``). A skipped verdict counts as fail.
public enum Calibration {
    /// - Parameter unavailable: why there is no encoder, when `encoder` is nil; reported as the semantic judge's skip.
    public static func run(
        _ items: [CalibrationItem], file: String, encoder: (any TextEncoder)? = nil,
        unavailable: String = "no text encoder available"
    ) -> CalibrationReport {
        let open = items.filter { $0.kind == .open }
        let closed = items.filter { $0.kind == .closed }
        var judges = [
            evaluate("default", "closed → closed judge, open → lexical open judge", DefaultJudge(), items, scored: false),
            evaluate("closed", "word-level yes / no / unknown", ClosedAnswerJudge(), closed, scored: false),
            evaluate("lexical-open", "exact normalised match; score = edit similarity", OpenAnswerJudge(), open, scored: true),
        ]
        var skipped: [String] = []
        if let encoder {
            let semantic = SemanticAnswerJudge(encoder: encoder)
            let summary = "lexical open judge, then cosine similarity ≥ \(semantic.threshold)"
            judges.append(evaluate("semantic-open", summary, semantic, open, scored: true, inForce: semantic.threshold))
        } else {
            skipped.append("semantic-open: \(unavailable)")
        }
        let main = judges[0]
        return CalibrationReport(
            file: file, items: items.count, accuracy: main.overall.accuracy ?? 0, precision: main.overall.precision,
            recall: main.overall.recall, kinds: main.kinds, classes: main.classes, judges: judges, skipped: skipped)
    }

    /// Runs one judge over `items` and counts its verdicts against the labels.
    public static func evaluate(
        _ name: String, _ summary: String, _ judge: any AnswerJudge, _ items: [CalibrationItem], scored: Bool,
        inForce: Double? = nil
    ) -> CalibrationReport.JudgeResult {
        var byKind: [CalibrationItem.Kind: ConfusionMatrix] = [:]
        var scores: [(score: Double?, positive: Bool)] = []
        var mistakes: [CalibrationReport.Mistake] = []
        var classes: [String: ClassAccuracy] = [:]
        for item in items {
            let judgment = judge.judge(item.judgeItem)
            let predicted = judgment.verdict == .pass
            let actual = item.label == .pass
            byKind[item.kind, default: ConfusionMatrix()].add(predicted: predicted, actual: actual)
            scores.append((judgment.score, actual))
            classes[item.className, default: ClassAccuracy()].add(agreed: predicted == actual)
            if predicted != actual {
                mistakes.append(CalibrationReport.Mistake(
                    source: item.source, kind: item.kind, question: item.question, expected: item.expectedDescription,
                    reply: item.reply, label: item.label, verdict: judgment.verdict, extracted: judgment.extracted,
                    score: judgment.score, category: item.category))
            }
        }
        let overall = byKind.values.reduce(ConfusionMatrix(), +)
        return CalibrationReport.JudgeResult(
            name: name, summary: summary, overall: .init(overall),
            kinds: Dictionary(uniqueKeysWithValues: byKind.map { ($0.key.rawValue, .init($0.value)) }), classes: classes,
            bestThreshold: scored ? ThresholdSweep.best(scores) : nil,
            heldOut: scored ? heldOut(scores, inForce: inForce) : nil, mistakes: mistakes)
    }

    /// The threshold `score ≥ t ⇒ pass` fitted on one half of the items and measured on the other.
    static func heldOut(_ scores: [(score: Double?, positive: Bool)], inForce: Double?) -> HeldOutThreshold? {
        HeldOutThreshold.measure(
            scores: scores.map { $0.score ?? 0 }, positive: scores.map(\.positive), inForce: inForce,
            fit: { ThresholdSweep.best(Array(zip($0.map(Optional.some), $1)).map { (score: $0.0, positive: $0.1) }) },
            accepts: { $0 >= $1 })
    }
}
