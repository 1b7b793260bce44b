import Foundation

/// Two-sided tests of whether two pass rates differ: `a` passes of `n` against `b` passes of `m`.
///
/// Both return `nil` when a side has no verdicts (`n == 0` or `m == 0`).
public enum ProportionTests {
    /// The pooled two-proportion z test (normal approximation): z = (p₂ − p₁) / √(p̂(1 − p̂)(1/n + 1/m)) with
    /// p̂ = (a + b) / (n + m); the p-value is 2·(1 − Φ(|z|)) = erfc(|z| / √2). When p̂ is 0 or 1 both rates are equal
    /// and the p-value is 1.
    public static func zTest(_ first: Tally, _ second: Tally) -> Double? {
        guard first.total > 0, second.total > 0 else { return nil }
        let n = Double(first.total)
        let m = Double(second.total)
        let pooled = Double(first.passes + second.passes) / (n + m)
        let variance = pooled * (1 - pooled) * (1 / n + 1 / m)
        guard variance > 0 else { return 1 }
        let z = (Double(second.passes) / m - Double(first.passes) / n) / variance.squareRoot()
        return min(1, erfc(abs(z) / 2.0.squareRoot()))
    }

    /// The z statistic of ``zTest(_:_:)`` (positive when the second rate is higher), or `nil` as there.
    public static func zStatistic(_ first: Tally, _ second: Tally) -> Double? {
        guard first.total > 0, second.total > 0 else { return nil }
        let n = Double(first.total)
        let m = Double(second.total)
        let pooled = Double(first.passes + second.passes) / (n + m)
        let variance = pooled * (1 - pooled) * (1 / n + 1 / m)
        guard variance > 0 else { return 0 }
        return (Double(second.passes) / m - Double(first.passes) / n) / variance.squareRoot()
    }

    /// Fisher's exact test on the 2×2 table [[a, n − a], [b, m − b]], two-sided: the sum of the hypergeometric
    /// probabilities of every table with the same margins that is no more likely than the observed one (with a
    /// relative tolerance of 1e-7, as SciPy and R use). Probabilities come from log-factorials, so large counts
    /// neither overflow nor lose precision.
    public static func fisherExact(_ first: Tally, _ second: Tally) -> Double? {
        guard first.total > 0, second.total > 0 else { return nil }
        let n = first.total
        let m = second.total
        let passes = first.passes + second.passes  // the first column's margin
        let total = n + m
        // x = passes in the first row; it ranges over max(0, passes − m) ... min(n, passes).
        let low = max(0, passes - m)
        let high = min(n, passes)
        guard low < high else { return 1 }  // only the observed table has these margins
        let constant = logFactorial(n) + logFactorial(m) + logFactorial(passes) + logFactorial(total - passes)
            - logFactorial(total)
        func logProbability(_ x: Int) -> Double {
            constant - logFactorial(x) - logFactorial(n - x) - logFactorial(passes - x)
                - logFactorial(m - passes + x)
        }
        let observed = logProbability(first.passes)
        let limit = observed + log1p(1e-7)
        var sum = 0.0
        for x in low...high {
            let value = logProbability(x)
            if value <= limit { sum += exp(value) }
        }
        return min(1, sum)
    }

    /// ln(k!) through the log-gamma function: exact to double precision for every k.
    public static func logFactorial(_ k: Int) -> Double {
        k < 2 ? 0 : lgamma(Double(k) + 1)
    }
}
