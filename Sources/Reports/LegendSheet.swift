/// Writes a `Legend` sheet: two columns, `Item` and `Meaning`, with bold section headings.
enum LegendSheet {
    static let name = "Legend"

    @discardableResult
    static func write(_ entries: [LegendEntry], into book: Workbook) throws -> String {
        let sheet = try book.addSheet(name)
        try sheet.fitToPageWidth()
        try sheet.setColumn(0, width: 28)
        try sheet.setColumn(1, width: 90)
        try sheet.write(row: 0, col: 0, values: [.text("Item"), .text("Meaning")], style: ReportStyle.header)
        for (index, entry) in entries.enumerated() {
            let row = index + 1
            guard let meaning = entry.meaning else {
                try sheet.write(row: row, col: 0, .text(entry.item), style: ReportStyle.title)
                continue
            }
            try sheet.write(row: row, col: 0, .text(entry.item), style: entry.style ?? ReportStyle.body)
            try sheet.write(row: row, col: 1, .text(meaning), style: ReportStyle.wrapped)
        }
        try sheet.freezeHeader(rows: 1)
        return sheet.name
    }
}
