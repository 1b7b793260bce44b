import Testing
import TestSupport

/// One bucket row of a histogram block as read back.
struct BucketRow: Equatable {
    var label: String
    var passes: Double
    var total: Double
    var rate: Double?
}

extension XLSXDump.Sheet {
    /// The bucket rows of the block titled `title` (title row, header row, then a row per bucket); checks that
    /// passes, totals and rates are number cells.
    func histogramBlock(_ title: String, sourceLocation: SourceLocation = #_sourceLocation) -> (first: Int, rows: [BucketRow])? {
        guard let titleRow = row(labelled: title) else { return nil }
        var rows: [BucketRow] = []
        var row = titleRow + 2
        while let label = value(row: row, col: 1)?.string {
            for col in 2...3 {
                #expect(cell(row: row, col: col)?.data_type == "n", "\(title) r\(row)c\(col)", sourceLocation: sourceLocation)
            }
            if let rate = cell(row: row, col: 4) {
                #expect(rate.data_type == "n", "\(title) r\(row) rate", sourceLocation: sourceLocation)
            }
            rows.append(
                BucketRow(
                    label: label, passes: value(row: row, col: 2)?.number ?? .nan,
                    total: value(row: row, col: 3)?.number ?? .nan, rate: value(row: row, col: 4)?.number))
            row += 1
        }
        return (titleRow + 2, rows)
    }

    /// Every hyperlink on the sheet.
    var links: [String] { cells.compactMap(\.link) }
}

/// `Overview!$A$9:$A$11`, quoted when the sheet name needs it, as chart parts spell ranges.
func chartRange(_ sheet: String, col: String, rows: ClosedRange<Int>) -> String {
    let name = sheet.contains(" ") ? "'\(sheet)'" : sheet
    return "\(name)!$\(col)$\(rows.lowerBound):$\(col)$\(rows.upperBound)"
}
