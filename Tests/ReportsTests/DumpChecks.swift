import Testing
import TestSupport

/// Checks shared by the workbook tests.
enum DumpChecks {
    /// No cell anywhere is a formula.
    static func expectNoFormulas(_ dump: XLSXDump, sourceLocation: SourceLocation = #_sourceLocation) {
        let formulas = dump.allCells.filter { $0.data_type == "f" }
        #expect(formulas.isEmpty, "formula cells: \(formulas.map { "\($0.row),\($0.col)" })", sourceLocation: sourceLocation)
    }

    /// The cell holds a number (openpyxl type `n`) equal to `expected`.
    static func expectNumber(
        _ sheet: XLSXDump.Sheet, row: Int, col: Int, _ expected: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let cell = sheet.cell(row: row, col: col)
        #expect(cell?.data_type == "n", "\(sheet.name) r\(row)c\(col) type", sourceLocation: sourceLocation)
        let value = cell?.value.number ?? .nan
        #expect(abs(value - expected) < 1e-9, "\(sheet.name) r\(row)c\(col): \(value) != \(expected)",
                sourceLocation: sourceLocation)
    }
}
