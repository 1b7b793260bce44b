/// Sheet names as they appear in references and links: `'Run 1'`, with inner apostrophes doubled.
enum SheetReference {
    static func quoted(_ sheet: String) -> String {
        "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `'Run 1'!A1`.
    static func cell(_ sheet: String, row: Int = 0, col: Int = 0) -> String {
        quoted(sheet) + "!" + CellAddress.name(row: row, col: col)
    }
}
