import Reports

/// The `Quality` sheet of the load workbook: what the lab's scorers said of the answered replies, overall and per
/// number of users, and (for more than one number of users) each scorer's pass rate against users as lines, so a
/// reader sees whether quality drops as load grows.
enum LoadQualitySheet {
    static func write(_ quality: QualityResults, into book: Workbook) throws {
        let sheet = try book.addSheet("Quality")
        try sheet.setColumn(0, width: 12)
        try sheet.setColumn(1, width: 24)
        let headers = ["users", "scorer", "code", "judged", "passed", "pass rate", "mean score"]
        try sheet.write(row: 0, values: headers.map { .text($0) }, style: LoadWorkbook.header)
        var row = 1
        func write(_ users: CellValue, _ measure: QualityMeasure) throws {
            try sheet.write(row: row, values: [
                users, .text(measure.title), .text(measure.code), .integer(measure.tally.total),
                .integer(measure.tally.passes), .number(measure.tally.rate), .number(measure.meanScore),
            ])
            row += 1
        }
        for measure in quality.overall { try write(.text("(all)"), measure) }
        for step in quality.byUsers {
            for measure in step.measures { try write(.integer(step.users), measure) }
        }
        row += 1
        try sheet.write(row: row, col: 0, .text("replies not scored (too many waiting)"), style: CellStyle(bold: true))
        try sheet.write(row: row, col: 3, .integer(quality.notScored))
        guard quality.byUsers.count > 1, !quality.overall.isEmpty else { return }

        // Pass rate per scorer (columns) against users (rows), for the chart.
        row += 2
        let top = row
        try sheet.write(row: top, values: [.text("users")] + quality.overall.map { .text($0.title) }, style: LoadWorkbook.header)
        for (offset, step) in quality.byUsers.enumerated() {
            let rates: [CellValue] = quality.overall.map { overall in
                .number(step.measures.first { $0.code == overall.code }?.tally.rate)
            }
            try sheet.write(row: top + 1 + offset, values: [.integer(step.users)] + rates)
        }
        let rows = (top + 1)...(top + quality.byUsers.count)
        let users = CellRange.column(0, rows: rows, sheet: sheet.name)
        let series = quality.overall.indices.map { index in
            ChartSeries(name: quality.overall[index].title, categories: users,
                        values: .column(index + 1, rows: rows, sheet: sheet.name))
        }
        try sheet.insertChart(Chart(
            kind: .line, title: "Pass rate against users", series: series, categoryAxis: "users",
            valueAxis: "pass rate", valueFormat: "0%", legend: true), row: top + quality.byUsers.count + 2, col: 0)
    }
}
