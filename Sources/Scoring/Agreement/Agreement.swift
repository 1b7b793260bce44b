import LabCore
/// Measures the text scorers against a labeled set (``LabeledSet``): the offline toxicity model, and the coherence
/// scorers when a sentence encoder is available.
public enum Agreement {
    /// The offline toxicity model at `threshold` (flagged above it).
    public static func toxicity(
        _ items: [LabeledSet.Item], file: String, model: ProfanityModel,
        threshold: Double = ToxicityScorer.offlineThreshold
    ) -> AgreementReport {
        let scores = items.map { model.probability($0.text) }
        let result = evaluate("toxicity (offline)", items, scores, threshold: threshold, above: true, labels: ("toxic", "ok"))
        return AgreementReport(file: file, kind: "toxicity", items: items.count, scorers: [result], skipped: [])
    }

    /// ML-I2 and ML-I3 with `encoder`, each by its default method (dialogue-act rules, then similarity below
    /// `threshold` flags) and by similarity alone (`method: cosine`); without an encoder, says so.
    public static func coherence(
        _ items: [LabeledSet.Item], file: String, encoder: (any TextEncoder)?, threshold: Double = 0.2, tokenBudget: Int = 200
    ) -> AgreementReport {
        guard let encoder else {
            return AgreementReport(file: file, kind: "coherence", items: items.count, scorers: [],
                skipped: ["coherence, relevance: \(TextEncoderUnavailable())"])
        }
        var results: [AgreementReport.ScorerResult] = []
        var skipped: [String] = []
        for method in CoherenceScorer.Method.allCases {
            for scope in [CoherenceScorer.Scope.context(tokenBudget: tokenBudget), .lastUtterance] {
                let scorer = CoherenceScorer(scope: scope, encoder: encoder, threshold: threshold, method: method)
                let pairs = items.map { ($0.text, scorer.context(before: $0.context) ?? "") }
                let name = "\(scorer.title) (\(scorer.code)\(method == .follows ? "" : ", method: cosine"))"
                do {
                    let scores = try CoherenceScorer.similarities(pairs, encoder: encoder)
                    let flagged = zip(items, scores).map { item, score in
                        !scorer.verdict(reply: item.text, lastUtterance: item.context.last ?? "", similarity: score).pass
                    }
                    results.append(evaluate(name, items, scores, threshold: threshold, above: false,
                        labels: ("incoherent", "coherent"), flagged: flagged))
                } catch {
                    skipped.append("\(name): encoder: \(error)")
                }
            }
        }
        return AgreementReport(file: file, kind: "coherence", items: items.count, scorers: results, skipped: skipped)
    }

    /// `flagged`: the scorer's verdicts when they are not the score against the threshold alone.
    static func evaluate(
        _ name: String, _ items: [LabeledSet.Item], _ scores: [Double], threshold: Double, above: Bool,
        labels: (flagged: String, ok: String), flagged verdicts: [Bool]? = nil
    ) -> AgreementReport.ScorerResult {
        var confusion = ConfusionMatrix()
        var mistakes: [AgreementReport.Mistake] = []
        var classes: [String: ClassAccuracy] = [:]
        for (offset, (item, score)) in zip(items, scores).enumerated() {
            let flagged = verdicts?[offset] ?? (above ? score > threshold : score < threshold)
            confusion.add(predicted: flagged, actual: item.flagged)
            classes[item.className, default: ClassAccuracy()].add(agreed: flagged == item.flagged)
            if flagged != item.flagged {
                mistakes.append(.init(source: item.source, text: item.text,
                    label: item.flagged ? labels.flagged : labels.ok, score: score, category: item.category))
            }
        }
        let heldOut = HeldOutThreshold.measure(
            scores: scores, positive: items.map(\.flagged), inForce: threshold, predicted: verdicts,
            fit: { bestThreshold($0, $1, above: above) }, accepts: { above ? $0 > $1 : $0 < $1 })
        return AgreementReport.ScorerResult(
            name: name, threshold: threshold, flagsWhen: above ? "above" : "below", metrics: .init(confusion),
            bestThreshold: bestThreshold(scores, items.map(\.flagged), above: above), heldOut: heldOut,
            classes: classes, mistakes: mistakes)
    }

    /// The threshold with the highest accuracy: of all cut points between sorted scores, the middle of the widest
    /// best-scoring run (so the choice is not pinned to one item's score).
    static func bestThreshold(_ scores: [Double], _ flagged: [Bool], above: Bool) -> ThresholdSweep.Choice? {
        guard !scores.isEmpty else { return nil }
        let sorted = Array(Set(scores)).sorted()
        var cuts = [sorted[0] - 1e-6]
        for (low, high) in zip(sorted, sorted.dropFirst()) { cuts.append((low + high) / 2) }
        cuts.append(sorted[sorted.count - 1] + 1e-6)
        let accuracies = cuts.map { cut in
            Double(zip(scores, flagged).filter { (above ? $0 > cut : $0 < cut) == $1 }.count) / Double(scores.count)
        }
        let best = accuracies.max()!
        var runs: [(start: Int, end: Int)] = []
        for (index, accuracy) in accuracies.enumerated() where accuracy == best {
            if let last = runs.last, last.end == index - 1 { runs[runs.count - 1].end = index } else { runs.append((index, index)) }
        }
        let widest = runs.max { (cuts[$0.end] - cuts[$0.start]) < (cuts[$1.end] - cuts[$1.start]) }!
        let middle = (cuts[widest.start] + cuts[widest.end]) / 2
        let rounded = (middle * 1000).rounded() / 1000
        let roundedAccuracy = Double(zip(scores, flagged).filter { (above ? $0 > rounded : $0 < rounded) == $1 }.count)
            / Double(scores.count)
        return ThresholdSweep.Choice(threshold: roundedAccuracy == best ? rounded : middle, accuracy: best)
    }
}
