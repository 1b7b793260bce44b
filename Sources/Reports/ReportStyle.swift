/// The cell styles the ChatLab reports share.
enum ReportStyle {
    static let lightGrey: UInt32 = 0xD9D9D9

    /// Header row: bold, wrapped, light grey, thin border.
    static let header = CellStyle(bold: true, wrap: true, fill: lightGrey, border: .thin, vertical: .top)
    /// Ordinary body cell, aligned to the top so it lines up with wrapped neighbours.
    static let body = CellStyle(vertical: .top)
    /// Long text (utterances, notes, errors).
    static let wrapped = CellStyle(wrap: true, vertical: .top)
    /// Score numbers.
    static let score = CellStyle(numberFormat: "0.000", vertical: .top)
    /// Rates shown as percentages.
    static let percent = CellStyle(numberFormat: "0.0%")
    /// Bold label.
    static let bold = CellStyle(bold: true)

    static let pass = CellStyle(fill: 0xC6EFCE, fontColor: 0x006100, vertical: .top)
    static let fail = CellStyle(fill: 0xFFC7CE, fontColor: 0x9C0006, vertical: .top)
    static let skipped = CellStyle(fill: 0xEDEDED, fontColor: 0x595959, vertical: .top)
}
