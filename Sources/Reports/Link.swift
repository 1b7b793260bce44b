/// Where a hyperlink cell leads.
public enum Link: Sendable, Hashable {
    /// A cell of a sheet in the same workbook.
    case sheet(String, row: Int = 0, col: Int = 0)
    /// Another file, given relative to this workbook's folder (e.g. `report.xlsx`), optionally at a sheet's cell.
    case file(String, sheet: String? = nil, row: Int = 0, col: Int = 0)
    /// A web address (`https://...`).
    case web(String)

    /// libxlsxwriter's URL: `internal:'Run 1'!A1`, `external:report.xlsx#'Run 1'!A1`, or the web address.
    var nativeURL: String {
        switch self {
        case .sheet(let sheet, let row, let col):
            return "internal:" + SheetReference.cell(sheet, row: row, col: col)
        case .file(let file, let sheet, let row, let col):
            return "external:" + file + (sheet.map { "#" + SheetReference.cell($0, row: row, col: col) } ?? "")
        case .web(let address):
            return address
        }
    }
}
