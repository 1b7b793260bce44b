/// Descriptive statistics over a list of numbers.
public enum Statistics {
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The q-quantile (0...1) with linear interpolation between closest ranks (as numpy's default).
    public static func quantile(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    public static func median(_ values: [Double]) -> Double? { quantile(values, 0.5) }

    /// `mean` and `max` as report statistics; none for no values.
    public static func meanAndMax(_ values: [Double]) -> [Statistic] {
        guard let mean = mean(values), let max = values.max() else { return [] }
        return [Statistic("mean", mean), Statistic("max", max)]
    }

    /// A number for notes: rounded to three decimals ("0.125").
    public static func short(_ value: Double) -> String {
        String((value * 1000).rounded() / 1000)
    }
}
