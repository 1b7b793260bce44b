import Foundation

/// Durations as people write them: `500ms`, `30s`, `51m`, `12h`, `4d` (a number and a unit; a bare number is seconds).
public enum DurationText {
    static let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]

    /// Seconds, or `nil` when the text is not a positive duration.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        for unit in units.sorted(by: { $0.suffix.count > $1.suffix.count }) where trimmed.hasSuffix(unit.suffix) {
            guard let value = Double(trimmed.dropLast(unit.suffix.count)), value.isFinite, value > 0 else { return nil }
            return value * unit.seconds
        }
        guard let value = Double(trimmed), value.isFinite, value > 0 else { return nil }
        return value
    }

    /// `51m`, `4d`, `3d 12h`, `51m 25.7s`, `500ms`: days, hours and minutes, leaving out zero parts.
    public static func format(_ seconds: Double) -> String {
        if seconds > 0, seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        var rest = seconds
        var parts: [String] = []
        for (unit, size) in [("d", 86400.0), ("h", 3600.0), ("m", 60.0)] where rest >= size {
            let count = (rest / size).rounded(.down)
            parts.append("\(Int(count))\(unit)")
            rest -= count * size
        }
        if rest >= 0.05 || parts.isEmpty {
            parts.append(rest == rest.rounded() ? "\(Int(rest))s" : String(format: "%.1fs", rest))
        }
        return parts.joined(separator: " ")
    }

    /// The fix a message gives for a bad duration.
    static let fix = "Write a positive number and a unit: 500ms, 30s, 51m, 12h or 4d."
}
