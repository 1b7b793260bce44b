import Foundation

/// Response times counted in about ten equal bins from 0 s, with a round bin width (1, 2, 2.5 or 5 × 10ⁿ s).
struct ResponseTimeBins: Equatable {
    /// Lower edges; bin `i` holds times in `edges[i] ..< edges[i] + width` (the last one also holds its upper edge).
    var edges: [Double]
    var width: Double
    var counts: [Int]

    init(_ seconds: [Double], target: Int = 10) {
        let times = seconds.filter { $0.isFinite && $0 >= 0 }
        let largest = times.max() ?? 0
        let width = Self.roundWidth(largest / Double(target))
        let binCount = max(1, Int((largest / width).rounded(.up)))
        self.width = width
        edges = (0..<binCount).map { Double($0) * width }
        var counts = Array(repeating: 0, count: binCount)
        for time in times {
            counts[min(binCount - 1, Int(time / width))] += 1
        }
        self.counts = counts
    }

    /// `0.5–1 s`; with as many decimals as the bin width needs, so no bin reads `0–0 s` (`0–0.0002 s`).
    func label(_ index: Int) -> String {
        let places = Self.decimalPlaces(width)
        return "\(Self.format(edges[index], places: places))–\(Self.format(edges[index] + width, places: places)) s"
    }

    /// The fewest decimals (at most 12) that write `width`, and so every multiple of it, exactly.
    static func decimalPlaces(_ width: Double) -> Int {
        var places = 0
        var scaled = width
        while places < 12, abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
            places += 1
            scaled *= 10
        }
        return places
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ at least `raw` (0.1 s when everything is 0).
    static func roundWidth(_ raw: Double) -> Double {
        guard raw > 0 else { return 0.1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for step in [1, 2, 2.5, 5, 10] where step * power >= raw * (1 - 1e-12) {
            return step * power
        }
        return 10 * power
    }

    private static func format(_ value: Double, places: Int) -> String {
        let text = String(format: "%.\(places)f", value)
        var trimmed = text
        guard trimmed.contains(".") else { return trimmed }
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }
}
