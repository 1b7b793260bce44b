/// A rectangle of cells on one sheet (0-based, inclusive), e.g. the values of a chart series.
public struct CellRange: Sendable, Hashable {
    public var sheet: String
    public var firstRow: Int
    public var firstCol: Int
    public var lastRow: Int
    public var lastCol: Int

    public init(sheet: String, firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.firstCol = firstCol
        self.lastRow = lastRow
        self.lastCol = lastCol
    }

    /// A part of one column: rows `rows` of column `col`.
    public static func column(_ col: Int, rows: ClosedRange<Int>, sheet: String) -> CellRange {
        CellRange(sheet: sheet, firstRow: rows.lowerBound, firstCol: col, lastRow: rows.upperBound, lastCol: col)
    }

    /// Excel's absolute reference, e.g. `'Run 1'!$B$3:$B$22`.
    public var reference: String {
        let first = "$\(CellAddress.column(firstCol))$\(firstRow + 1)"
        let last = "$\(CellAddress.column(lastCol))$\(lastRow + 1)"
        return "\(SheetReference.quoted(sheet))!" + (first == last ? first : "\(first):\(last)")
    }
}
