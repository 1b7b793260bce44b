/// What forward passes cost on this machine, measured (see ``BertEncoder/measureCosts(threads:)``): seconds of one
/// layer for a pass of `rows` tokens run alone on `t` threads (`shared`), and for `t` such passes run at once, one
/// per thread (`spread`, the time until all have finished). ``PassPlan`` compares its candidates by these.
struct PassCosts: Equatable, Sendable {
    /// The token counts measured, ascending.
    var rows: [Int]
    /// Thread count → seconds per entry of `rows`: one pass on all threads.
    var shared: [Int: [Double]]
    /// Thread count → seconds per entry of `rows`: that many passes at once, one per thread.
    var spread: [Int: [Double]]

    /// Seconds for a pass of `rows` tokens on `threads` threads (shared), or for `threads` concurrent passes of
    /// `rows` tokens each (spread): interpolated linearly between measured sizes, beyond them at the nearest
    /// measured cost per token. A larger pass never costs more per token than a smaller one measured (it does the
    /// same work with the same fixed costs spread wider), so a measurement slowed by a neighbour's burst is
    /// replaced by that bound.
    func seconds(rows: Int, threads: Int, spread: Bool) -> Double {
        let table = spread ? self.spread : shared
        guard let measured = table[threads] ?? table[table.keys.filter { $0 <= threads }.max() ?? 1] else {
            return .infinity
        }
        var series = measured
        for index in series.indices.dropFirst() {
            let bound = series[index - 1] / Double(self.rows[index - 1]) * Double(self.rows[index])
            series[index] = min(series[index], bound)
        }
        let x = Double(rows)
        if rows <= self.rows[0] { return series[0] * x / Double(self.rows[0]) }
        for index in 1..<self.rows.count where rows <= self.rows[index] {
            let (x0, x1) = (Double(self.rows[index - 1]), Double(self.rows[index]))
            return series[index - 1] + (series[index] - series[index - 1]) * (x - x0) / (x1 - x0)
        }
        return series.last! * x / Double(self.rows.last!)
    }

    /// Thread counts worth comparing up to `threads`: 1, powers of two, and `threads` itself.
    static func threadCounts(upTo threads: Int) -> [Int] {
        var counts: [Int] = []
        var count = 1
        while count < threads {
            counts.append(count)
            count *= 2
        }
        return counts + [max(1, threads)]
    }

    /// The token counts ``BertEncoder/measureCosts(threads:)`` measures.
    static let measuredRows = [16, 64, 256]
}
