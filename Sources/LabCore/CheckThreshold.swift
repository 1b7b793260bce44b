/// The rule that turns a check's score into pass or fail, in words and, where there is one, the number: "fails above
/// 0.33", "fails above 10 s", "fails below 0.2", or a rule in words for judged checks.
///
/// ``description`` is what reports and `chatlab` show; ``value`` is the number alone, for machines and tests.
public struct CheckThreshold: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the score is compared.
    public enum Comparison: String, Sendable, Hashable, Codable {
        /// A score above ``CheckThreshold/value`` fails.
        case failsAbove = "fails above"
        /// A score below ``CheckThreshold/value`` fails.
        case failsBelow = "fails below"
        /// A judge decides; ``CheckThreshold/qualifier`` says how.
        case judged
    }

    public var comparison: Comparison
    /// The number compared with, `nil` for a judged rule.
    public var value: Double?
    /// The unit symbol after the number (`s`), or empty.
    public var unit: String
    /// Words after the number ("in any category"), or the whole rule of a judged check.
    public var qualifier: String

    public init(comparison: Comparison, value: Double?, unit: String = "", qualifier: String = "") {
        self.comparison = comparison
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
    }

    /// A score above `value` fails.
    public static func failsAbove(_ value: Double, unit: String = "", _ qualifier: String = "") -> CheckThreshold {
        CheckThreshold(comparison: .failsAbove, value: value, unit: unit, qualifier: qualifier)
    }

    /// A score below `value` fails.
    public static func failsBelow(_ value: Double, unit: String = "", _ qualifier: String = "") -> CheckThreshold {
        CheckThreshold(comparison: .failsBelow, value: value, unit: unit, qualifier: qualifier)
    }

    /// A judge decides, as `rule` says ("fails unless the reply gives the expected answer").
    public static func judged(_ rule: String) -> CheckThreshold {
        CheckThreshold(comparison: .judged, value: nil, qualifier: rule)
    }

    /// E.g. `fails above 0.33`, `fails above 10 s`, `fails above 0.1 in any category`.
    public var description: String {
        guard comparison != .judged, let value else { return qualifier }
        return [comparison.rawValue, Self.number(value), unit, qualifier].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A number as people write it: `0.33`, `10`, `1e-05`.
    public static func number(_ value: Double) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
