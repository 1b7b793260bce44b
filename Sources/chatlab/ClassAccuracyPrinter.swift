import Foundation
import Scoring

/// Prints per-class accuracy and held-out thresholds, shared by the calibration printers.
enum ClassAccuracyPrinter {
    /// One line per class, sorted by name: `  class  agreed/items  accuracy`.
    static func print(_ classes: [String: ClassAccuracy], indent: String = "  ") {
        guard !classes.isEmpty else { return }
        Swift.print("\(indent)per class:")
        let width = min(40, classes.keys.map(\.count).max() ?? 0)
        for (name, tally) in classes.sorted(by: { $0.key < $1.key }) {
            let padded = name + String(repeating: " ", count: max(0, width - name.count))
            Swift.print("\(indent)  \(padded)  \(tally.agreed)/\(tally.items)  \(percent(tally.accuracy))")
        }
    }

    /// Which half fitted the threshold, which half measured it, and what it reached there.
    static func print(_ heldOut: HeldOutThreshold, indent: String = "  ") {
        Swift.print("\(indent)held-out threshold: \(String(format: "%.3f", heldOut.threshold)) fitted on \(heldOut.fitItems) items (\(heldOut.fittedOn)), accuracy \(percent(heldOut.fitAccuracy))")
        var measured = "\(indent)  measured on the other \(heldOut.measuredItems) items (\(heldOut.measuredOn)): accuracy \(percent(heldOut.measuredAccuracy))"
        if let inForce = heldOut.inForceAccuracy { measured += "; the threshold in force there: \(percent(inForce))" }
        Swift.print(measured)
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
    }
}
