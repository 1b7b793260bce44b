/// An all-pairs covering array: rows of parameter values such that every pair of values of any two parameters
/// appears in some row. Built greedily and deterministically (the same parameters give the same rows).
///
/// Parameters are ordered by value count, largest first (ties keep their order); each new row starts from the
/// first uncovered pair and then takes, parameter by parameter, the value that covers the most uncovered pairs.
struct PairwiseCover {
    /// Rows of value indices, one index per parameter in the given order.
    let rows: [[Int]]

    init(counts: [Int]) {
        let n = counts.count
        guard n > 1 else {
            rows = n == 1 ? (0..<counts[0]).map { [$0] } : []
            return
        }
        let order = (0..<n).sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }
        var uncovered: Set<Pair> = []
        for i in 0..<n { for j in (i + 1)..<n { for a in 0..<counts[i] { for b in 0..<counts[j] {
            uncovered.insert(Pair(i, a, j, b))
        } } } }
        var rows: [[Int]] = []
        while let seed = Self.first(uncovered, order: order, counts: counts) {
            var row = [Int?](repeating: nil, count: n)
            row[seed.i] = seed.a
            row[seed.j] = seed.b
            for p in order where row[p] == nil {
                var best = 0, bestGain = -1
                for value in 0..<counts[p] {
                    var gain = 0
                    for q in 0..<n where q != p { if let other = row[q], uncovered.contains(Pair(p, value, q, other)) { gain += 1 } }
                    if gain > bestGain { best = value; bestGain = gain }
                }
                row[p] = best
            }
            let full = row.map { $0! }
            for i in 0..<n { for j in (i + 1)..<n { uncovered.remove(Pair(i, full[i], j, full[j])) } }
            rows.append(full)
        }
        self.rows = rows
    }

    /// The uncovered pair of the earliest parameters in `order`, smallest values first.
    private static func first(_ uncovered: Set<Pair>, order: [Int], counts: [Int]) -> Pair? {
        guard !uncovered.isEmpty else { return nil }
        for (x, i) in order.enumerated() {
            for j in order[(x + 1)...] {
                for a in 0..<counts[i] { for b in 0..<counts[j] where uncovered.contains(Pair(i, a, j, b)) { return Pair(i, a, j, b) } }
            }
        }
        return nil
    }

    /// A pair of (parameter, value) choices, stored with the lower parameter first.
    struct Pair: Hashable {
        let i: Int, a: Int, j: Int, b: Int
        init(_ p: Int, _ x: Int, _ q: Int, _ y: Int) {
            if p < q { (i, a, j, b) = (p, x, q, y) } else { (i, a, j, b) = (q, y, p, x) }
        }
    }
}
