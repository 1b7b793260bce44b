import Scoring

/// Prints a ``CalibrationReport`` as text for people.
enum CalibrationPrinter {
    static func print(_ report: CalibrationReport) {
        Swift.print("\(report.file): \(report.items) labeled replies")
        Swift.print("Default judge accuracy: \(percent(report.accuracy))")
        for judge in report.judges {
            Swift.print("")
            Swift.print("\(judge.name) (\(judge.summary))")
            let rows = [("all", judge.overall)] + judge.kinds.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (kind, metrics) in rows where !(kind != "all" && judge.kinds.count == 1) {
                Swift.print("  \(pad(kind, 7)) \(line(metrics))")
            }
            let confusion = judge.overall.confusion
            Swift.print("  confusion (rows: label, columns: judge)   pass   fail")
            Swift.print("    label pass                          \(cell(confusion.truePositives)) \(cell(confusion.falseNegatives))")
            Swift.print("    label fail                          \(cell(confusion.falsePositives)) \(cell(confusion.trueNegatives))")
            if let best = judge.bestThreshold {
                Swift.print("  best threshold on score: \(String(format: "%.3f", best.threshold)) → accuracy \(percent(best.accuracy))")
            }
            if let heldOut = judge.heldOut { ClassAccuracyPrinter.print(heldOut) }
            ClassAccuracyPrinter.print(judge.classes)
            for mistake in judge.mistakes {
                Swift.print("  ✗ \(mistake.source): \"\(mistake.reply)\" expected \(mistake.expected), label \(mistake.label.rawValue), judged \(mistake.verdict.rawValue) (\(mistake.extracted))")
            }
        }
        for note in report.skipped { Swift.print("\nSkipped \(note)") }
    }

    private static func line(_ metrics: CalibrationReport.Metrics) -> String {
        "items \(pad(String(metrics.items), 4)) accuracy \(percent(metrics.accuracy))  precision \(percent(metrics.precision))  recall \(percent(metrics.recall))"
    }

    private static func percent(_ value: Double?) -> String {
        guard let value else { return "    -" }
        return pad(String(format: "%.1f%%", value * 100), 6, left: true)
    }

    private static func cell(_ value: Int) -> String { pad(String(value), 6, left: true) }

    private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }
}
