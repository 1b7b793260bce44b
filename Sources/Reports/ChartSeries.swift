/// One data series of a ``Chart``.
public struct ChartSeries: Sendable, Hashable {
    /// Shown in the legend.
    public var name: String?
    /// The category labels (one per value).
    public var categories: CellRange
    public var values: CellRange
    /// Fill of all bars as 0xRRGGBB, or `nil` for the reader's default.
    public var color: UInt32?
    /// Fill of single bars, by 0-based point index, overriding ``color`` (e.g. pass rates coloured by level).
    public var pointColors: [UInt32?]

    public init(
        name: String? = nil, categories: CellRange, values: CellRange, color: UInt32? = nil, pointColors: [UInt32?] = []
    ) {
        self.name = name
        self.categories = categories
        self.values = values
        self.color = color
        self.pointColors = pointColors
    }
}
