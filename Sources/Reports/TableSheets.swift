import LabCore

/// Writes one sheet per distinct ``ScoreTable`` title, with the rows of all runs and a leading `Run` column
/// (and a `Seat` column when tables of that title come from more than one seat).
enum TableSheets {
    private struct Entry {
        var run: Int
        var seat: Seat
        var table: ScoreTable
    }

    static func write(_ analysis: Analysis, into book: Workbook) throws {
        var titles: [String] = []
        var entries: [String: [Entry]] = [:]
        for run in analysis.runs {
            for series in run.series {
                for table in series.result.tables {
                    if entries[table.title] == nil { titles.append(table.title) }
                    entries[table.title, default: []].append(Entry(run: run.run, seat: series.key.seat, table: table))
                }
            }
        }
        for title in titles {
            try writeSheet(title: title, entries: entries[title] ?? [], into: book)
        }
    }

    private static func writeSheet(title: String, entries: [Entry], into book: Workbook) throws {
        let sheet = try book.addSheet(title)
        try sheet.fitToPageWidth()
        let showSeat = Set(entries.map(\.seat)).count > 1
        let lead = showSeat ? ["Run", "Seat"] : ["Run"]
        let columns = unionOfColumns(entries.map(\.table))
        var widths = (lead + columns).map { Double($0.count) }

        for (col, header) in (lead + columns).enumerated() {
            try sheet.write(row: 0, col: col, .text(header), style: ReportStyle.header)
        }
        var row = 1
        for entry in entries {
            let targets = targetColumns(of: entry.table, in: columns)
            for values in entry.table.rows {
                try sheet.write(row: row, col: 0, .integer(entry.run), style: ReportStyle.body)
                if showSeat { try sheet.write(row: row, col: 1, .text(entry.seat.description), style: ReportStyle.body) }
                for (value, target) in zip(values, targets) {
                    let col = lead.count + target
                    switch value {
                    case .text(let text):
                        try sheet.write(row: row, col: col, .text(text), style: ReportStyle.wrapped)
                        widths[col] = max(widths[col], Double(text.count))
                    case .number(let number):
                        try sheet.write(row: row, col: col, .number(number), style: ReportStyle.body)
                        widths[col] = max(widths[col], 10)
                    }
                }
                row += 1
            }
        }
        for (col, width) in widths.enumerated() {
            try sheet.setColumn(col, width: min(60, max(8, width + 2)))
        }
        try sheet.freezeHeader(rows: 1)
        try sheet.autofilter(lastRow: row - 1, lastCol: lead.count + columns.count - 1)
    }

    /// The first table's columns, then any other column names not seen yet.
    private static func unionOfColumns(_ tables: [ScoreTable]) -> [String] {
        var columns = tables.first?.columns ?? []
        for table in tables.dropFirst() {
            for name in table.columns where !columns.contains(name) { columns.append(name) }
        }
        return columns
    }

    /// Where each of a table's columns goes in the union: by position when it matches, otherwise by name.
    private static func targetColumns(of table: ScoreTable, in columns: [String]) -> [Int] {
        if Array(columns.prefix(table.columns.count)) == table.columns { return Array(table.columns.indices) }
        return table.columns.map { columns.firstIndex(of: $0) ?? 0 }
    }
}
