/// A native Excel chart drawn from cells already written: one or more series, each a range of values with a range
/// of category labels. Insert it with ``Sheet/insertChart(_:row:col:scale:)``.
public struct Chart: Sendable, Hashable {
    /// The chart types the reports use.
    public enum Kind: Sendable, Hashable {
        /// Horizontal bars.
        case bar
        /// Vertical bars.
        case column
        /// Slices of one series (no axes).
        case pie
        /// Lines through the points of each series, over the categories.
        case line
    }

    public var kind: Kind
    public var title: String
    public var series: [ChartSeries]
    /// Name of the category axis (the labels), or `nil`.
    public var categoryAxis: String?
    /// Name of the value axis, or `nil`.
    public var valueAxis: String?
    /// Fixed bounds of the value axis, e.g. `0...1` for pass rates; `nil` lets the reader choose.
    public var valueBounds: ClosedRange<Double>?
    /// Number format of the value axis, e.g. `0%`.
    public var valueFormat: String?
    /// Show the legend (worth it only with more than one series).
    public var legend: Bool

    public init(
        kind: Kind, title: String, series: [ChartSeries], categoryAxis: String? = nil, valueAxis: String? = nil,
        valueBounds: ClosedRange<Double>? = nil, valueFormat: String? = nil, legend: Bool = false
    ) {
        self.kind = kind
        self.title = title
        self.series = series
        self.categoryAxis = categoryAxis
        self.valueAxis = valueAxis
        self.valueBounds = valueBounds
        self.valueFormat = valueFormat
        self.legend = legend
    }
}
