/// How a cell looks: a small hashable value; the ``Workbook`` creates one native format per distinct style.
public struct CellStyle: Sendable, Hashable {
    public var bold: Bool
    public var italic: Bool
    /// Wrap long text inside the cell.
    public var wrap: Bool
    /// Background colour as 0xRRGGBB, or `nil` for none.
    public var fill: UInt32?
    /// Font colour as 0xRRGGBB, or `nil` for the default.
    public var fontColor: UInt32?
    /// An Excel number format such as `0.00` or `0.0%`, or `nil` for General.
    public var numberFormat: String?
    /// Border on all four sides.
    public var border: Border
    /// Border on the top side only (drawn in addition to ``border``).
    public var topBorder: Border
    public var horizontal: HorizontalAlignment
    public var vertical: VerticalAlignment

    public init(
        bold: Bool = false, italic: Bool = false, wrap: Bool = false, fill: UInt32? = nil, fontColor: UInt32? = nil,
        numberFormat: String? = nil, border: Border = .none, topBorder: Border = .none,
        horizontal: HorizontalAlignment = .general, vertical: VerticalAlignment = .bottom
    ) {
        self.bold = bold
        self.italic = italic
        self.wrap = wrap
        self.fill = fill
        self.fontColor = fontColor
        self.numberFormat = numberFormat
        self.border = border
        self.topBorder = topBorder
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// No formatting at all.
    public static let plain = CellStyle()

    /// True when the style sets nothing, so no native format is needed.
    public var isPlain: Bool { self == .plain }

    /// A copy with some properties changed: `style.with { $0.bold = true }`.
    public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
        var copy = self
        change(&copy)
        return copy
    }

    /// Cell border line styles.
    public enum Border: Sendable, Hashable {
        case none, thin, medium, thick
    }

    /// Horizontal text alignment.
    public enum HorizontalAlignment: Sendable, Hashable {
        case general, left, center, right
    }

    /// Vertical text alignment.
    public enum VerticalAlignment: Sendable, Hashable {
        case top, center, bottom
    }
}
