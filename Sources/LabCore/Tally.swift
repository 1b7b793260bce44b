/// Passes out of a total. Keeps numerator and denominator so merging runs stays exact.
public struct Tally: Codable, Sendable, Hashable {
    public var passes: Int
    public var total: Int

    public init(passes: Int = 0, total: Int = 0) {
        self.passes = passes
        self.total = total
    }

    public var fails: Int { total - passes }

    /// Passes divided by total; `nil` when nothing was counted.
    public var rate: Double? { total == 0 ? nil : Double(passes) / Double(total) }

    public mutating func add(_ verdict: Verdict) {
        guard verdict.counts else { return }
        total += 1
        if verdict == .pass { passes += 1 }
    }

    public static func + (lhs: Tally, rhs: Tally) -> Tally {
        Tally(passes: lhs.passes + rhs.passes, total: lhs.total + rhs.total)
    }
}
