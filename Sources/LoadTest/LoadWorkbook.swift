import Reports
import Transcripts

/// Writes the load workbook: `Summary` (key figures and latency per expected intent), `Intents` (misclassified
/// intents as bars, predicted intents as a pie), `Over time` (answered messages and p95 latency per second, lines), `Steps` (for a
/// step load: latency percentiles and error rates against users, lines), `Quality` (when scorers ran: each scorer's
/// pass rate and mean score, overall and per number of users, with pass rates against users as lines) and `Failures`.
///
/// Written to a temporary name and renamed into place, so a reader never sees half a workbook.
public enum LoadWorkbook {
    static let header = CellStyle(bold: true, wrap: true, fill: 0xD9D9D9, border: .thin, vertical: .top)
    static let milliseconds = CellStyle(numberFormat: "0.00")
    static let percent = CellStyle(numberFormat: "0.00%")

    public static func write(_ results: LoadResults, to path: String) throws {
        let temporary = AtomicFile.temporaryName(for: path)
        let book = try Workbook(path: temporary)
        try summary(results, into: book)
        try intents(results.statistics, into: book)
        try overTime(results.statistics, into: book)
        if !results.steps.isEmpty { try steps(results.steps, into: book) }
        if let quality = results.quality { try LoadQualitySheet.write(quality, into: book) }
        try failures(results.statistics, into: book)
        try book.close()
        try AtomicFile.rename(temporary, to: path)
    }

    static let latencyHeaders = ["count", "mean ms", "median ms", "min ms", "max ms", "p90 ms", "p95 ms", "p99 ms", "p99.9 ms"]

    static func latencyCells(_ summary: LatencySummary) -> [CellValue] {
        [.integer(summary.count)] + [summary.mean, summary.median, summary.min, summary.max, summary.p90, summary.p95,
            summary.p99, summary.p999].map { .number($0) }
    }

    private static func summary(_ results: LoadResults, into book: Workbook) throws {
        let sheet = try book.addSheet("Summary")
        try sheet.setColumn(0, width: 28)
        try sheet.setColumn(1, through: 9, width: 12)
        let statistics = results.statistics
        var rows: [(String, CellValue)] = results.settings.keys.sorted().map { ($0, .text(results.settings[$0]!)) }
        rows += [
            ("sent", .integer(statistics.sent)), ("answered", .integer(statistics.answered)),
            ("errors", .integer(statistics.sent - statistics.answered)), ("error rate", .number(statistics.errorRate)),
            ("seconds", .number(statistics.seconds)), ("requests per second", .number(statistics.requestsPerSecond)),
            ("intent accuracy", .number(statistics.intentAccuracy)),
            ("accuracy denominator (answered replies with an expected intent)", .integer(statistics.accuracyDenominator)),
            ("reference checks passed", .text("\(statistics.referenceChecks.passed) of \(statistics.referenceChecks.total)")),
        ]
        if let lengths = statistics.lengthChecks {
            rows.append(("length checks passed", .text("\(lengths.passed) of \(lengths.total)")))
        }
        rows += statistics.errors.keys.sorted().map { ("errors: \($0)", .integer(statistics.errors[$0]!)) }
        for (index, row) in rows.enumerated() {
            try sheet.write(row: index, col: 0, .text(row.0), style: CellStyle(bold: true))
            try sheet.write(row: index, col: 1, row.1)
        }
        var row = rows.count + 1
        try sheet.write(row: row, values: ([.text("expected intent")] + latencyHeaders.map { .text($0) }), style: header)
        row += 1
        try sheet.write(row: row, values: [.text("(all)")] + latencyCells(statistics.latency), style: milliseconds)
        if let firstToken = statistics.firstToken {
            row += 1
            try sheet.write(row: row, values: [.text("(first token)")] + latencyCells(firstToken), style: milliseconds)
        }
        for intent in statistics.latencyByIntent.keys.sorted() {
            row += 1
            try sheet.write(row: row, values: [.text(intent.isEmpty ? "(none)" : intent)]
                + latencyCells(statistics.latencyByIntent[intent]!), style: milliseconds)
        }
    }

    private static func intents(_ statistics: LoadStatistics, into book: Workbook) throws {
        let sheet = try book.addSheet("Intents")
        try sheet.setColumn(0, width: 24)
        try sheet.setColumn(3, width: 24)
        try sheet.write(row: 0, values: [.text("expected intent"), .text("misclassified")], style: header)
        let missed = statistics.misclassified.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        for (index, entry) in missed.enumerated() {
            try sheet.write(row: index + 1, values: [.text(entry.key), .integer(entry.value)])
        }
        try sheet.write(row: 0, col: 3, .text("predicted intent"), style: header)
        try sheet.write(row: 0, col: 4, .text("replies"), style: header)
        let predicted = statistics.predictedIntents.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        for (index, entry) in predicted.enumerated() {
            try sheet.write(row: index + 1, col: 3, .text(entry.key.isEmpty ? "(none)" : entry.key))
            try sheet.write(row: index + 1, col: 4, .integer(entry.value))
        }
        let top = max(missed.count, predicted.count) + 2
        if !missed.isEmpty {
            var chart = Chart(kind: .bar, title: "Misclassified intents (by expected intent)",
                              series: [series(sheet, labels: 0, values: 1, count: missed.count)])
            chart.valueAxis = "replies"
            try sheet.insertChart(chart, row: top, col: 0)
        }
        if !predicted.isEmpty {
            let chart = Chart(kind: .pie, title: "Predicted intents",
                              series: [series(sheet, labels: 3, values: 4, count: predicted.count)], legend: true)
            try sheet.insertChart(chart, row: top, col: 6)
        }
    }

    private static func overTime(_ statistics: LoadStatistics, into book: Workbook) throws {
        let sheet = try book.addSheet("Over time")
        try sheet.write(row: 0, values: [.text("second"), .text("answered"), .text("p95 ms")], style: header)
        for (second, count) in statistics.answeredPerSecond.enumerated() {
            try sheet.write(row: second + 1, values: [.integer(second), .integer(count),
                .number(statistics.p95PerSecond[second])])
        }
        guard !statistics.answeredPerSecond.isEmpty else { return }
        let chart = Chart(
            kind: .line, title: "Answered messages per second",
            series: [series(sheet, labels: 0, values: 1, count: statistics.answeredPerSecond.count)],
            categoryAxis: "second of the run", valueAxis: "answered")
        try sheet.insertChart(chart, row: 1, col: 4)
        let latency = Chart(
            kind: .line, title: "p95 latency per second",
            series: [series(sheet, labels: 0, values: 2, count: statistics.answeredPerSecond.count)],
            categoryAxis: "second of the run", valueAxis: "ms")
        try sheet.insertChart(latency, row: 18, col: 4)
    }

    private static func steps(_ steps: [StepRow], into book: Workbook) throws {
        let sheet = try book.addSheet("Steps")
        let headers = ["users", "sent", "answered", "requests/s", "mean ms", "min ms", "max ms", "p50 ms", "p95 ms",
            "p99 ms", "error rate", "server error rate", "throttled rate", "other error rate", "intent accuracy"]
        try sheet.write(row: 0, values: headers.map { .text($0) }, style: header)
        for (index, step) in steps.enumerated() {
            let s = step.statistics
            try sheet.write(row: index + 1, values: [
                .integer(step.users), .integer(s.sent), .integer(s.answered), .number(s.requestsPerSecond),
                .number(s.latency.mean), .number(s.latency.min), .number(s.latency.max), .number(s.latency.median),
                .number(s.latency.p95), .number(s.latency.p99), .number(s.errorRate),
                .number(s.errorRate(ErrorClass.serverError)), .number(s.errorRate(ErrorClass.throttled)),
                .number(step.otherErrorRate), .number(s.intentAccuracy),
            ])
        }
        let rows = 1...steps.count
        let users = CellRange.column(0, rows: rows, sheet: sheet.name)
        func series(_ col: Int) -> ChartSeries {
            ChartSeries(name: headers[col], categories: users, values: .column(col, rows: rows, sheet: sheet.name))
        }
        try sheet.insertChart(Chart(
            kind: .line, title: "Latency against users", series: [4, 7, 8, 9].map(series),
            categoryAxis: "users", valueAxis: "ms", legend: true), row: steps.count + 2, col: 0)
        try sheet.insertChart(Chart(
            kind: .line, title: "Error rates against users", series: [10, 11, 12, 13].map(series),
            categoryAxis: "users", valueAxis: "share of sent", valueFormat: "0%", legend: true), row: steps.count + 2, col: 8)
    }

    /// A series of `count` values in column `values` labelled by column `labels`, from row 1 (below the header).
    private static func series(_ sheet: Sheet, labels: Int, values: Int, count: Int) -> ChartSeries {
        ChartSeries(categories: .column(labels, rows: 1...count, sheet: sheet.name),
                    values: .column(values, rows: 1...count, sheet: sheet.name))
    }

    private static func failures(_ statistics: LoadStatistics, into book: Workbook) throws {
        let sheet = try book.addSheet("Failures")
        try sheet.setColumn(2, width: 40)
        try sheet.setColumn(3, width: 60)
        try sheet.write(row: 0, values: ["message", "prompt", "reason", "detail"].map { .text($0) }, style: header)
        for (index, failure) in statistics.failures.enumerated() {
            try sheet.write(row: index + 1, values: [.integer(failure.index), .integer(failure.prompt),
                .text(failure.reason), .text(failure.detail)])
        }
    }
}
