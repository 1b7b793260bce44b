import CXLSXWriter
import Foundation

/// One worksheet of a ``Workbook``. Rows and columns are 0-based, as in libxlsxwriter (row 0 is Excel's row 1).
///
/// Valid only while its workbook is open; every call after ``Workbook/close()`` throws
/// ``WorkbookError/alreadyClosed(path:)``. In a ``Workbook/constantMemory`` workbook each row is flushed to disk when a
/// later row is started, so cells must be written in ascending row order (any column order within a row); writing
/// above the current row throws ``WorkbookError/writeFailed(path:sheet:row:column:reason:)``.
public struct Sheet {
    /// Excel's largest row and column indices (0-based).
    public static let maxRow = 1_048_575
    public static let maxColumn = 16_383

    /// The sheet's real name, after sanitizing.
    public let name: String
    private let workbook: Workbook
    private let worksheet: UnsafeMutablePointer<lxw_worksheet>
    /// The row being written and the formats last used per column, shared by the copies of this sheet.
    private let state = SheetState()

    init(workbook: Workbook, worksheet: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.worksheet = worksheet
        self.name = name
    }

    /// Writes one cell. Text is always a string cell (never a formula); characters XML cannot hold are shown as
    /// markers, and text longer than 32,767 UTF-16 code units is cut to that length, ending with a marker that gives
    /// the full length, and a warning is added to ``Workbook/warnings`` (see ``CellText``). NaN and infinite numbers
    /// become blank.
    /// - Throws: ``WorkbookError``.
    public func write(row: Int, col: Int, _ value: CellValue, style: CellStyle = .plain) throws {
        try checkCell(row, col)
        try checkOrder(row, col)
        let format = try format(for: style, col: col)
        let (r, c) = (lxw_row_t(row), lxw_col_t(col))
        let error: lxw_error
        switch value {
        case .text(let text):
            error = worksheet_write_string(worksheet, r, c, cellText(text, row: row, col: col), format)
        case .number(let number) where number.isFinite:
            error = worksheet_write_number(worksheet, r, c, number, format)
        case .integer(let number):
            error = worksheet_write_number(worksheet, r, c, Double(number), format)
        case .number, .blank:
            guard let format else { return }  // an unstyled blank is no cell at all
            error = worksheet_write_blank(worksheet, r, c, format)
        }
        try check(error, row: row, col: col)
        try checkStream(row: row, col: col)
        workbook.cellCount += 1
    }

    /// Writes values left to right from `col`, all with one style.
    public func write(row: Int, col: Int = 0, values: [CellValue], style: CellStyle = .plain) throws {
        for (offset, value) in values.enumerated() {
            try write(row: row, col: col + offset, value, style: style)
        }
    }

    /// Merges the cells `firstCol...lastCol` of one row into one cell showing `text` (e.g. a header over a group of
    /// columns). Not available in a ``Workbook/constantMemory`` workbook, where libxlsxwriter cannot merge.
    /// - Throws: ``WorkbookError``.
    public func merge(row: Int, firstCol: Int, lastCol: Int, text: String, style: CellStyle = .plain) throws {
        try checkCell(row, firstCol)
        try checkCell(row, lastCol)
        guard !workbook.constantMemory else {
            throw WorkbookError.writeFailed(
                path: workbook.path, sheet: name, row: row, column: firstCol,
                reason: "merged cells are not available in a constant-memory workbook")
        }
        guard lastCol > firstCol else { return try write(row: row, col: firstCol, .text(text), style: style) }
        let format = try workbook.format(for: style)
        let error = worksheet_merge_range(
            worksheet, lxw_row_t(row), lxw_col_t(firstCol), lxw_row_t(row), lxw_col_t(lastCol),
            cellText(text, row: row, col: firstCol), format)
        try check(error, row: row, col: firstCol)
    }

    /// Sets the width (in characters) of columns `first...last`, optionally with a default style.
    public func setColumn(_ first: Int, through last: Int? = nil, width: Double, style: CellStyle = .plain) throws {
        let last = last ?? first
        try checkCell(0, first)
        try checkCell(0, last)
        let format = try workbook.format(for: style)
        let error = worksheet_set_column(worksheet, lxw_col_t(first), lxw_col_t(last), width, format)
        try check(error, row: 0, col: first)
    }

    /// Freezes the top `rows` rows (and the left `columns` columns) so they stay visible when scrolling.
    public func freezeHeader(rows: Int = 1, columns: Int = 0) throws {
        try checkCell(rows, columns)
        worksheet_freeze_panes(worksheet, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Sets the sheet up to print legibly: landscape, as many pages tall as needed but one page wide, and the top
    /// `repeatingRows` rows printed again at the top of every page.
    public func printLandscapeFitToWidth(repeatingRows: Int = 1) throws {
        worksheet_set_landscape(worksheet)
        worksheet_fit_to_pages(worksheet, 1, 0)
        if repeatingRows > 0 {
            let error = worksheet_repeat_rows(worksheet, 0, lxw_row_t(repeatingRows - 1))
            try check(error, row: 0, col: 0)
        }
    }

    /// Adds filter buttons to the header row `firstRow` over the block `firstRow...lastRow`, `firstCol...lastCol`.
    public func autofilter(firstRow: Int = 0, firstCol: Int = 0, lastRow: Int, lastCol: Int) throws {
        try checkCell(firstRow, firstCol)
        try checkCell(lastRow, lastCol)
        let error = worksheet_autofilter(
            worksheet, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(max(firstRow, lastRow)),
            lxw_col_t(max(firstCol, lastCol)))
        try check(error, row: firstRow, col: firstCol)
    }

    /// Writes a hyperlink cell showing `text`. With the plain style the reader's hyperlink look (blue, underlined)
    /// is used.
    /// - Throws: ``WorkbookError``.
    public func write(row: Int, col: Int, link: Link, text: String, style: CellStyle = .plain) throws {
        try checkCell(row, col)
        try checkOrder(row, col)
        let format = try workbook.format(for: style)
        let error = worksheet_write_url_opt(
            worksheet, lxw_row_t(row), lxw_col_t(col), link.nativeURL, format, cellText(text, row: row, col: col), nil)
        try check(error, row: row, col: col)
        try checkStream(row: row, col: col)
        workbook.cellCount += 1
    }

    /// Inserts a native chart with its top-left corner in cell (`row`, `col`), scaled from Excel's default
    /// 480 × 288 pixels. The chart reads the cells its series name: write them (on any sheet) before closing.
    /// - Throws: ``WorkbookError``.
    public func insertChart(_ chart: Chart, row: Int, col: Int, scale: Double = 1, heightScale: Double? = nil) throws {
        try checkCell(row, col)
        let native = try workbook.nativeChart(chart)
        var options = lxw_chart_options(
            x_offset: 0, y_offset: 0, x_scale: scale, y_scale: heightScale ?? scale, object_position: 0,
            description: nil, decorative: 0)
        let error = worksheet_insert_chart_opt(worksheet, lxw_row_t(row), lxw_col_t(col), native, &options)
        try check(error, row: row, col: col)
    }

    /// Prints (and exports to PDF) one page wide, as many pages tall as needed; landscape by default.
    public func fitToPageWidth(landscape: Bool = true) throws {
        _ = try workbook.openHandle()
        if landscape { worksheet_set_landscape(worksheet) }
        worksheet_fit_to_pages(worksheet, 1, 0)
    }

    // MARK: - Helpers

    /// `text` as a cell can hold it (see ``CellText``): characters XML cannot hold shown as markers, and a text too
    /// long for a cell cut with a marker (and a warning added to ``Workbook/warnings``).
    private func cellText(_ text: String, row: Int, col: Int) -> String {
        let text = CellText.clean(text)
        workbook.textBytes += text.utf8.count
        guard let cut = CellText.cutToFit(text) else { return text }
        workbook.warn(
            "\(workbook.path): sheet \"\(name)\" cell \(CellAddress.name(row: row, col: col)): text of "
                + "\(CellText.grouped(text.utf16.count)) characters cut to \(CellText.grouped(cut.utf16.count)) "
                + "(Excel's limit is \(CellText.grouped(Workbook.maxTextLength)))")
        return cut
    }

    /// The workbook's format for `style`, remembered per column: a column mostly repeats its style row after row, and
    /// comparing two styles is cheaper than hashing one.
    private func format(for style: CellStyle, col: Int) throws -> UnsafeMutablePointer<lxw_format>? {
        if col < state.formats.count, let last = state.formats[col], last.style == style { return last.format }
        let format = try workbook.format(for: style)
        if col >= state.formats.count {
            state.formats.append(contentsOf: repeatElement(nil, count: col + 1 - state.formats.count))
        }
        state.formats[col] = (style, format)
        return format
    }

    private func checkCell(_ row: Int, _ col: Int) throws {
        _ = try workbook.openHandle()
        guard (0...Self.maxRow).contains(row), (0...Self.maxColumn).contains(col) else {
            throw WorkbookError.writeFailed(
                path: workbook.path, sheet: name, row: row, column: col, reason: "outside Excel's rows or columns")
        }
    }

    /// In constant-memory mode, rows above the one being written are already on disk.
    private func checkOrder(_ row: Int, _ col: Int) throws {
        guard workbook.constantMemory else { return }
        guard row >= state.row else {
            throw WorkbookError.writeFailed(
                path: workbook.path, sheet: name, row: row, column: col,
                reason: "row \(state.row + 1) was already started and this constant-memory workbook writes rows in order")
        }
        state.row = row
    }

    /// In constant-memory mode libxlsxwriter writes the previous row to the sheet's temporary file when a cell of a
    /// new row comes, and ignores a failed write: it is caught here, at once, while `errno` still tells why.
    private func checkStream(row: Int, col: Int) throws {
        guard workbook.constantMemory, row > state.streamedRow else { return }
        state.streamedRow = row
        if let reason = workbook.streamFailure(worksheet) {
            throw WorkbookError.writeFailed(path: workbook.path, sheet: name, row: row, column: col, reason: reason)
        }
    }

    private func check(_ error: lxw_error, row: Int, col: Int) throws {
        guard error != LXW_NO_ERROR else { return }
        throw WorkbookError.writeFailed(
            path: workbook.path, sheet: name, row: row, column: col, reason: Workbook.describe(error))
    }
}

/// What the copies of a ``Sheet`` share: the row a constant-memory sheet is writing and the last format per column.
private final class SheetState {
    var row = 0
    /// The last row a cell was written to libxlsxwriter in (constant-memory mode).
    var streamedRow = 0
    var formats: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>?)?] = []
}
