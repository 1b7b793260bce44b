import Scoring

/// Prints a consistency calibration (``ConsistencyCalibration/Report``) as text for people.
enum ConsistencyPrinter {
    static func print(_ report: ConsistencyCalibration.Report) {
        Swift.print("\(report.file): \(report.series) labeled consistency series, \(report.replies) replies")
        Swift.print("consistency (ML-I13) accuracy: \(ClassAccuracyPrinter.percent(report.accuracy))")
        Swift.print("  per label:")
        for (label, tally) in report.labels.sorted(by: { $0.key < $1.key }) {
            Swift.print("    \(label)  \(tally.agreed)/\(tally.items)  \(ClassAccuracyPrinter.percent(tally.accuracy))")
        }
        ClassAccuracyPrinter.print(report.classes)
        for mistake in report.mistakes {
            Swift.print("  ✗ \(mistake.source): \"\(mistake.reply)\" label \(mistake.label.rawValue), judged \(mistake.verdict.rawValue) (\(mistake.extracted))")
        }
    }
}
