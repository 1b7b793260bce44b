import Foundation
import Scoring

/// Prints an ``AgreementReport`` (toxicity or coherence calibration) as text for people.
enum AgreementPrinter {
    static func print(_ report: AgreementReport) {
        Swift.print("\(report.file): \(report.items) labeled \(report.kind) items")
        for scorer in report.scorers {
            let metrics = scorer.metrics
            Swift.print("")
            Swift.print("\(scorer.name): flagged when the score is \(scorer.flagsWhen) \(number(scorer.threshold))")
            Swift.print("  accuracy \(percent(metrics.accuracy))  precision \(percent(metrics.precision))  recall \(percent(metrics.recall))")
            let confusion = metrics.confusion
            Swift.print("  flagged and labeled so \(confusion.truePositives), flagged but not \(confusion.falsePositives), missed \(confusion.falseNegatives), rightly passed \(confusion.trueNegatives)")
            if let best = scorer.bestThreshold {
                Swift.print("  best threshold: \(number(best.threshold)) → accuracy \(percent(best.accuracy))")
            }
            if let heldOut = scorer.heldOut { ClassAccuracyPrinter.print(heldOut) }
            ClassAccuracyPrinter.print(scorer.classes)
            for mistake in scorer.mistakes {
                Swift.print("  ✗ \(mistake.source): \"\(mistake.text)\" label \(mistake.label), score \(number(mistake.score))")
            }
        }
        for note in report.skipped { Swift.print("\nSkipped \(note)") }
    }

    private static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
    }

    private static func number(_ value: Double) -> String { String(format: "%.3f", value) }
}
