import Foundation
import LabCore

/// One self-contained HTML page of a report folder (`chatlab view`): the summary (every check's pass rate and the
/// rule in force, why conversations ended, token usage) and every conversation turn by turn, probe turns marked,
/// each check's verdict, score and note beside the turn it judged, with a filter that shows only failing turns.
///
/// The page loads nothing: its style and a little script are inline. Every text from a transcript is escaped
/// (``HTMLText``) and long texts are cut; runs past ``byteLimit`` are left out with a note, so the file stays bounded.
/// Built run by run: only the summary and the page text so far are kept.
public struct HTMLReport: Sendable {
    /// Conversations stop being added once the page text is this long (bytes); the summary is always complete.
    public static let byteLimit = 40_000_000

    private let names: [Seat: String]
    private var summary: Analysis
    private var conversations = ""
    private var records: [Int: ConversationRecord] = [:]
    /// Runs counted in the summary but not shown turn by turn (the page was full).
    public private(set) var runsLeftOut = 0
    /// Turns shown, and turns that failed at least one check.
    public private(set) var turnsShown = 0
    public private(set) var failingTurns = 0

    public init(summary: Analysis) {
        self.summary = summary
        var names: [Seat: String] = [:]
        for seat in Seat.allCases { names[seat] = summary.experiment.chatters[seat.description] ?? seat.description }
        self.names = names
    }

    /// Adds a scored run (with its turns) and its conversation record.
    public mutating func add(_ run: RunAnalysis, record: ConversationRecord?) {
        summary.conversations.add(record)
        summary.append(run)
        guard conversations.utf8.count < Self.byteLimit else {
            runsLeftOut += 1
            return
        }
        conversations += section(run, record: record)
    }

    /// The whole page.
    public func page() -> String {
        let title = "ChatLab report: \(HTMLText.escape(summary.experiment.name))"
        let codes = summary.seriesKeys.map(\.code).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let options = codes.map { "<option value=\"\(HTMLText.escape($0))\">\(HTMLText.escape($0))</option>" }.joined()
        let leftOut = runsLeftOut == 0 ? "" : "<p class=\"note\">\(runsLeftOut) more runs are counted in the summary "
            + "but not shown turn by turn: the page reached its size limit. The workbooks have every turn.</p>"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <title>\(title)</title><style>\(Self.style)</style></head><body>
            <h1>\(title)</h1>
            \(overview())
            <h2>Conversations</h2>
            <div id="filters"><label><input type="checkbox" id="only-failing"> only failing turns</label>
            <label>check <select id="check-code"><option value="">any</option>\(options)</select></label>
            <span id="shown" class="note"></span></div>
            \(conversations)\(leftOut)
            <script>\(Self.script)</script>
            </body></html>

            """
    }

    private func overview() -> String {
        let info = summary.experiment
        var html = "<p>Seed \(info.seed), \(summary.runs.count) runs of up to \(info.rounds) rounds; "
            + "\(names[.chatter1].map(HTMLText.escape) ?? "") (chatter 1) and \(names[.chatter2].map(HTMLText.escape) ?? "") "
            + "(chatter 2). \(failingTurns) of \(turnsShown) turns shown fail a check.</p>\n<h2>Checks</h2>\n"
        html += "<table id=\"checks\"><tr><th>Code</th><th>Check</th><th>Seat</th><th>Passes</th><th>Total</th>"
            + "<th>Pass rate</th><th>95 % CI</th><th>Rule</th></tr>\n"
        for key in summary.seriesKeys {
            let tally = summary.total(key)
            let rate = (tally.rate.map { String(format: "%.1f %%", $0 * 100) } ?? "–")
                + (tally.isSmallSample ? " <em title=\"fewer than \(Tally.smallSampleBelow) verdicts\">small</em>" : "")
            let interval = tally.interval?.percentText ?? "–"
            let rule = summary.checks[key.code]?.threshold.description ?? ""
            html += "<tr><td>\(HTMLText.escape(key.code))</td><td>\(HTMLText.escape(key.title))</td>"
                + "<td>\(HTMLText.escape(names[key.seat] ?? key.seat.description))</td><td class=\"num\">\(tally.passes)</td>"
                + "<td class=\"num\">\(tally.total)</td><td class=\"num\">\(rate)</td><td class=\"num\">\(interval)</td>"
                + "<td>\(HTMLText.escape(rule))</td></tr>\n"
        }
        html += "</table>\n"
        if !summary.conversations.ends.isEmpty {
            html += "<h2>End reasons</h2>\n<table id=\"ends\"><tr><th>Why the conversation ended</th><th>Runs</th></tr>\n"
            for (reason, count) in summary.conversations.ends.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                html += "<tr><td>\(reason.rawValue)</td><td class=\"num\">\(count)</td></tr>\n"
            }
            html += "</table>\n"
        }
        if !summary.usage.isEmpty {
            html += "<h2>Token usage</h2>\n<table id=\"usage\"><tr><th>Chatter</th><th>Turns</th><th>Prompt tokens</th>"
                + "<th>Completion tokens</th></tr>\n"
            for (seat, usage) in summary.usage.sorted(by: { $0.key < $1.key }) {
                html += "<tr><td>\(HTMLText.escape(names[seat] ?? seat.description))</td><td class=\"num\">\(usage.turns)</td>"
                    + "<td class=\"num\">\(Int(usage.promptTokens))</td><td class=\"num\">\(Int(usage.completionTokens))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }

    private mutating func section(_ run: RunAnalysis, record: ConversationRecord?) -> String {
        let end = record.map { " — ended: \(HTMLText.escape($0.end.description))" } ?? ""
        var html = "<section class=\"run\" id=\"run-\(run.run)\"><h3>Run \(run.run) (seed \(run.seed))\(end)</h3>\n"
            + "<table><tr><th>Round</th><th>Speaker</th><th>Text</th><th>Probe</th><th>Checks</th></tr>\n"
        for turn in run.transcript.turns {
            let verdicts = run.series.filter { $0.key.seat == turn.seat }.compactMap { series in
                series.result.cells[turn.index].map { (series.key, $0) }
            }
            let fails = verdicts.filter { $0.1.verdict == .fail }.map(\.0.code)
            turnsShown += 1
            if !fails.isEmpty { failingTurns += 1 }
            var classes = ["turn"]
            if turn.probe != nil { classes.append("probe") }
            if !fails.isEmpty { classes.append("failing") }
            let text = turn.error.map { "<span class=\"error\">\(HTMLText.bounded($0.description))</span>" }
                ?? HTMLText.bounded(turn.text)
            html += "<tr class=\"\(classes.joined(separator: " "))\" data-fails=\"\(HTMLText.escape(fails.joined(separator: " ")))\">"
                + "<td class=\"num\">\(turn.round)</td><td>\(HTMLText.escape(names[turn.seat] ?? turn.seat.description))</td>"
                + "<td class=\"text\">\(text)</td><td>\(probe(turn.probe))</td><td class=\"verdicts\">"
                + verdicts.map(Self.verdict).joined() + "</td></tr>\n"
        }
        return html + "</table></section>\n"
    }

    private func probe(_ mark: ProbeMark?) -> String {
        guard let mark else { return "" }
        var parts = ["\(mark.code) \(mark.role.rawValue)", "set \(mark.set)"]
        if let bucket = mark.perturbation?["bucket"] { parts.append("level \(Int(bucket))") }
        if let distance = mark.distance { parts.append("distance \(distance)") }
        return HTMLText.escape(parts.joined(separator: ", "))
    }

    private static func verdict(_ key: SeriesKey, _ cell: ScoreCell) -> String {
        let score = cell.score.map { " " + CheckThreshold.number(($0 * 1000).rounded() / 1000) } ?? ""
        let note = cell.interpretation.map { " — " + HTMLText.bounded($0) } ?? ""
        return "<div class=\"\(cell.verdict.rawValue)\" data-code=\"\(HTMLText.escape(key.code))\">"
            + "\(HTMLText.escape(key.code)) \(HTMLText.escape(key.title)): \(cell.verdict.rawValue)\(score)\(note)</div>"
    }
}
