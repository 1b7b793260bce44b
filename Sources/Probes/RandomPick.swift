import LabCore

extension SeededRandom {
    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// `count` distinct elements of `items`, in their original order.
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var indices = Array(items.indices)
        indices.shuffle(using: &self)
        return indices.prefix(max(0, min(count, items.count))).sorted().map { items[$0] }
    }

    /// A share in [0, 1) snapped down to 5 % steps, as the histogram buckets use.
    static func snapped(_ share: Double) -> Double { (share * 20).rounded(.down) / 20 }
}

/// The histogram bucket of a share in [0, 1): 0...19 in 5 % steps.
func shareBucket(_ share: Double) -> Int { min(19, max(0, Int((share * 20).rounded(.down)))) }
