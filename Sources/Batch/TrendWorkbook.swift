import Foundation
import Reports
import Transcripts

/// Writes the history workbook: `Summary` (per model, the last batch against the history, regressions), `Latency`
/// (median and p95 per batch and model, lines), `Throughput` (median tokens/s per batch and model, lines; per model,
/// bars), `Success` (success rate per batch and model, lines), `Coverage` (coverage and correctness per model and
/// industry, bars) and `Batches`. Written to a temporary name and renamed into place.
public enum TrendWorkbook {
    static let header = CellStyle(bold: true, wrap: true, fill: 0xD9D9D9, border: .thin, vertical: .top)
    static let seconds = CellStyle(numberFormat: "0.000")
    static let percent = CellStyle(numberFormat: "0.0%")
    static let decimal = CellStyle(numberFormat: "0.0")
    static let flagged = CellStyle(bold: true, fill: 0xF4CCCC)

    public static func write(_ report: TrendReport, batches: [BatchRow], to path: String) throws {
        let temporary = AtomicFile.temporaryName(for: path)
        let book = try Workbook(path: temporary)
        try summary(report, into: book)
        try perBatch(report, sheet: "Latency", into: book, charts: [
            ("Median latency per batch", "s", "median s", { $0.latencyMedian }),
            ("p95 latency per batch", "s", "p95 s", { $0.latencyP95 }),
        ])
        try perBatch(report, sheet: "Throughput", into: book, charts: [
            ("Median tokens/s per batch", "tokens/s", "median tokens/s", { $0.tokensPerSecondMedian }),
        ])
        try perBatch(report, sheet: "Success", into: book, charts: [
            ("Success rate per batch", "share of answers", "success rate", { $0.successRate }),
        ])
        try coverage(report, into: book)
        try batchList(batches, into: book)
        try book.close()
        try AtomicFile.rename(temporary, to: path)
    }

    /// `2026-11-28 00:41` (UTC), the label of a batch on the time axis.
    static func timeLabel(_ seconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    static func cell(_ value: Double?) -> CellValue { value.map { .number($0) } ?? .blank }

    private static func summary(_ report: TrendReport, into book: Workbook) throws {
        let sheet = try book.addSheet("Summary")
        try sheet.setColumn(0, width: 24)
        try sheet.setColumn(1, through: 2, width: 10)
        // Columns of the figures (after model, of, answers): rates as percentages, seconds and tokens/s as decimals.
        let formats: [(Int, CellStyle)] = [(3, percent), (4, seconds), (5, seconds), (6, seconds), (7, decimal),
            (8, percent), (9, percent), (10, CellStyle()), (11, percent), (12, CellStyle(numberFormat: "0.000000"))]
        for (column, style) in formats { try sheet.setColumn(column, width: 15, style: style) }
        let headers = ["model", "of", "answers", "success rate", "median latency s", "p95 latency s", "median ttft s",
                       "median tokens/s", "keyword coverage", "meaning coverage", "judged", "correct rate", "cost"]
        try sheet.write(row: 0, values: headers.map { .text($0) }, style: header)
        for (index, model) in report.models.enumerated() {
            try sheet.write(row: index + 1, values: [.text(model), .text("all")] + cells(report.overall[model]!))
        }
        var row = report.models.count + 2
        try sheet.write(row: row, col: 0, .text("Last batch against the history"), style: CellStyle(bold: true))
        row += 1
        guard let last = report.last else {
            try sheet.write(row: row, col: 0, .text("(one batch only: nothing to compare)"))
            return
        }
        try sheet.write(row: row, col: 0, .text("last batch: \(last.batch.id) at \(timeLabel(last.batch.startedAt)) UTC"))
        row += 1
        try sheet.write(row: row, values: headers.map { .text($0) }, style: header)
        for model in last.batch.points.keys.sorted() {
            row += 1
            try sheet.write(row: row, values: [.text(model), .text("last")] + cells(last.batch.points[model]!))
            if let history = last.history[model] {
                row += 1
                try sheet.write(row: row, values: [.text(model), .text("history")] + cells(history))
            }
        }
        row += 2
        try sheet.write(row: row, col: 0, .text("Regressions (\(TrendReport.Regression.rules))"), style: CellStyle(bold: true))
        row += 1
        try sheet.write(row: row, values: ["model", "measure", "", "history", "last batch"].map { .text($0) }, style: header)
        row += 1
        if report.regressions.isEmpty { try sheet.write(row: row, col: 0, .text("none")) }
        for regression in report.regressions {
            try sheet.write(row: row, values: [.text(regression.model), .text(regression.measure), .blank,
                .number(regression.history), .number(regression.last)], style: flagged)
            row += 1
        }
    }

    static func cells(_ point: TrendPoint) -> [CellValue] {
        [.integer(point.answers), cell(point.successRate), cell(point.latencyMedian), cell(point.latencyP95),
         cell(point.ttftMedian), cell(point.tokensPerSecondMedian), cell(point.keywordCoverage),
         cell(point.meaningCoverage), .integer(point.judged), cell(point.correctRate), .number(point.cost)]
    }

    /// One row per batch, one column per model and measure, and a line chart per measure with a line per model.
    private static func perBatch(_ report: TrendReport, sheet name: String, into book: Workbook,
                                 charts: [(title: String, axis: String, label: String, value: (TrendPoint) -> Double?)]) throws {
        let sheet = try book.addSheet(name)
        try sheet.setColumn(0, width: 20)
        var headers = ["batch start (UTC)"]
        for chart in charts { headers += report.models.map { "\($0): \(chart.label)" } }
        try sheet.write(row: 0, values: headers.map { .text($0) }, style: header)
        for (index, batch) in report.batches.enumerated() {
            var values: [CellValue] = [.text(timeLabel(batch.startedAt))]
            for chart in charts { values += report.models.map { model in cell(batch.points[model].flatMap(chart.value)) } }
            try sheet.write(row: index + 1, values: values)
        }
        guard !report.batches.isEmpty, !report.models.isEmpty else { return }
        let rows = 1...report.batches.count
        for (chartIndex, chart) in charts.enumerated() {
            let series = report.models.enumerated().map { offset, model in
                ChartSeries(name: model, categories: .column(0, rows: rows, sheet: name),
                            values: .column(1 + chartIndex * report.models.count + offset, rows: rows, sheet: name))
            }
            try sheet.insertChart(Chart(
                kind: .line, title: chart.title, series: series, categoryAxis: "batch start (UTC)",
                valueAxis: chart.axis, valueFormat: chart.axis == "share of answers" ? "0%" : nil, legend: true),
                row: report.batches.count + 2 + chartIndex * 18, col: 0)
        }
    }

    private static func coverage(_ report: TrendReport, into book: Workbook) throws {
        let sheet = try book.addSheet("Coverage")
        try sheet.setColumn(0, width: 30)
        try sheet.write(row: 0, values: ["model / industry", "answers", "keyword coverage", "meaning coverage",
            "judged", "correct rate"].map { .text($0) }, style: header)
        var row = 0
        for model in report.models {
            for industry in report.industries {
                guard let point = report.byIndustry[model]?[industry] else { continue }
                row += 1
                try sheet.write(row: row, values: [.text("\(model) / \(industry)"), .integer(point.answers),
                    cell(point.keywordCoverage), cell(point.meaningCoverage), .integer(point.judged),
                    cell(point.correctRate)])
            }
        }
        guard row > 0 else { return }
        let series = [(2, "keyword coverage"), (3, "meaning coverage"), (5, "correct rate")].map { col, label in
            ChartSeries(name: label, categories: .column(0, rows: 1...row, sheet: "Coverage"),
                        values: .column(col, rows: 1...row, sheet: "Coverage"))
        }
        try sheet.insertChart(Chart(
            kind: .bar, title: "Coverage and correctness per model and industry", series: series,
            valueBounds: 0...1, valueFormat: "0%", legend: true), row: row + 2, col: 0)
    }

    private static func batchList(_ batches: [BatchRow], into book: Workbook) throws {
        let sheet = try book.addSheet("Batches")
        try sheet.setColumn(0, width: 36)
        try sheet.setColumn(1, through: 6, width: 16)
        try sheet.write(row: 0, values: ["batch", "matrix", "slot", "planned", "started (UTC)", "finished (UTC)",
            "status"].map { .text($0) }, style: header)
        for (index, batch) in batches.enumerated() {
            try sheet.write(row: index + 1, values: [
                .text(batch.id), .text(batch.matrix), batch.slot.map { .integer($0) } ?? .blank, .integer(batch.planned),
                .text(timeLabel(batch.startedAt)), batch.finishedAt.map { .text(timeLabel($0)) } ?? .blank,
                .text(batch.status.rawValue),
            ])
        }
    }
}
