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

    /// `51m`, `4d`, `2.5s`: the largest unit that divides the duration into a whole number, else seconds.
    public static func format(_ seconds: Double) -> String {
        for unit in units.reversed() where unit.seconds >= 1 {
            let count = seconds / unit.seconds
            if count >= 1, count == count.rounded() { return "\(Int(count))\(unit.suffix)" }
        }
        return seconds < 1 ? "\(Int((seconds * 1000).rounded()))ms" : String(format: "%.3gs", seconds)
    }

    /// The fix a message gives for a bad duration.
    static let fix = "Write a positive number and a unit: 500ms, 30s, 51m, 12h or 4d."
}
