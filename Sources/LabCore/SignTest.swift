import Foundation

/// The exact two-sided sign test: of the pairs that differ, `positive` went one way and `negative` the other; under
/// the null hypothesis each way has probability ½, so the p-value is 2·P(X ≤ min(positive, negative)) for
/// X ~ Binomial(positive + negative, ½), at most 1. Ties are left out before calling. `nil` when no pair differs.
public enum SignTest {
    public static func pValue(positive: Int, negative: Int) -> Double? {
        let n = positive + negative
        guard n > 0, positive >= 0, negative >= 0 else { return nil }
        let smaller = min(positive, negative)
        if n <= 1_000 {
            // C(n, k)/2ⁿ by exact steps from 2⁻ⁿ (a power of two, exact for n ≤ 1074).
            var term = pow(0.5, Double(n))
            var sum = term
            if smaller > 0 {
                for k in 1...smaller {
                    term = term * Double(n - k + 1) / Double(k)
                    sum += term
                }
            }
            return min(1, 2 * sum)
        }
        let logHalf = Double(n) * log(0.5)
        var sum = 0.0
        for k in 0...smaller {
            let logChoose = ProportionTests.logFactorial(n) - ProportionTests.logFactorial(k)
                - ProportionTests.logFactorial(n - k)
            sum += exp(logChoose + logHalf)
        }
        return min(1, 2 * sum)
    }
}
