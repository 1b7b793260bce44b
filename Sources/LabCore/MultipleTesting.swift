/// Corrections for testing several hypotheses at once.
public enum MultipleTesting {
    /// Holm's step-down adjustment of p-values (Holm 1979), as R's `p.adjust(p, "holm")`: with the m p-values
    /// sorted ascending, the i-th (from 1) becomes max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎). Rejecting where the
    /// adjusted p is below α keeps the family-wise error rate at α, whatever the dependence between the tests.
    ///
    /// `nil` entries (checks that could not be tested) are kept as `nil` and do not count towards m.
    public static func holm(_ values: [Double?]) -> [Double?] {
        var tested: [(index: Int, p: Double)] = []
        for (index, value) in values.enumerated() {
            if let value { tested.append((index, value)) }
        }
        tested.sort { $0.p < $1.p || ($0.p == $1.p && $0.index < $1.index) }
        let m = tested.count
        var adjusted: [Double?] = Array(repeating: nil, count: values.count)
        var running = 0.0
        for (rank, entry) in tested.enumerated() {
            running = max(running, min(1, Double(m - rank) * entry.p))
            adjusted[entry.index] = running
        }
        return adjusted
    }
}
