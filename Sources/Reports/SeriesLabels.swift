import LabCore

/// Column labels for scorer series; adds ` (chatterN)` only when more than one seat is under test.
struct SeriesLabels {
    let showSeat: Bool

    init(_ analysis: Analysis) {
        self.init(underTest: analysis.experiment.underTest, keys: analysis.seriesKeys)
    }

    init(underTest: [Seat], keys: [SeriesKey]) {
        showSeat = Set(underTest).union(keys.map(\.seat)).count > 1
    }

    /// `ML-A6 stutter` or `ML-A6 stutter (chatter2)`.
    func full(_ key: SeriesKey) -> String {
        "\(key.code) \(key.title)" + suffix(key)
    }

    /// `ML-A6` or `ML-A6 (chatter2)`.
    func code(_ key: SeriesKey) -> String {
        key.code + suffix(key)
    }

    /// ` (chatter2)` when seats are shown, else empty.
    func suffix(_ key: SeriesKey) -> String {
        showSeat ? " (\(key.seat))" : ""
    }
}
