import Foundation

/// A two-sided confidence interval for a pass rate, as fractions in 0...1.
///
/// ChatLab shows the Wilson score interval at 95 % beside every pass rate: unlike the textbook p ± 1.96·√(p(1−p)/n)
/// it stays inside 0...1, is not empty at 0 or n passes, and keeps close to its nominal coverage for small samples.
public struct RateInterval: Codable, Sendable, Hashable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The normal quantile for 95 % two-sided (Φ⁻¹(0.975)).
    public static let z95 = 1.959963984540054

    /// The Wilson score interval of `tally`: centre (p + z²/2n) / (1 + z²/n), half-width
    /// z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²). `nil` when nothing was counted.
    public static func wilson(_ tally: Tally, z: Double = z95) -> RateInterval? {
        guard tally.total > 0 else { return nil }
        let n = Double(tally.total)
        let p = Double(tally.passes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At 0 or n passes one end is exactly 0 or 1; rounding must not leave it a hair outside.
        let low = tally.passes == 0 ? 0 : max(0, centre - half)
        let high = tally.passes == tally.total ? 1 : min(1, centre + half)
        return RateInterval(low: low, high: high)
    }

    /// `74.4–96.5 %`.
    public var percentText: String {
        String(format: "%.1f–%.1f %%", low * 100, high * 100)
    }
}

extension Tally {
    /// Below this many verdicts a pass rate is marked as a small sample: its 95 % interval is wider than about
    /// ±18 percentage points (at a rate near one half), too wide for the rate's colour to mean much.
    public static let smallSampleBelow = 30

    /// Fewer than ``smallSampleBelow`` verdicts (and at least one).
    public var isSmallSample: Bool { total > 0 && total < Self.smallSampleBelow }

    /// The Wilson 95 % interval of the pass rate; `nil` when nothing was counted.
    public var interval: RateInterval? { RateInterval.wilson(self) }
}
