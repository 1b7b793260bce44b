import LabCore

/// Writes the `Simulation` sheet (in both workbooks when a simulated user took part): one row per conversation
/// with the profile's variable values, the styles drawn, how far the goals got, the outputs extracted (blank when
/// missing), why it ended, SENSEI's error codes, fallbacks met, and the user's LLM calls, tokens and cost.
public enum SimulationSheet {
    public static let name = "Simulation"
    static let about = "The simulated conversations: values chosen, styles, goals answered, outputs, end, LLM cost."

    /// Writes the sheet when some record comes from a simulated user; returns its name, or `nil`.
    @discardableResult
    public static func write(_ records: [ConversationRecord], into book: Workbook) throws -> String? {
        let simulated = records.filter { $0.details?["test_name"] != nil }.sorted { $0.run < $1.run }
        guard !simulated.isEmpty else { return nil }
        var variables: [String] = [], outputs: [String] = []
        for record in simulated {
            for name in (record.chosen ?? [:]).keys.sorted() where !variables.contains(name) { variables.append(name) }
            for name in (record.outputs ?? [:]).keys.sorted() where !outputs.contains(name) { outputs.append(name) }
        }
        let headers = ["run", "profile", "voice"] + variables + ["styles", "goals answered", "goals unanswered"]
            + outputs.map { "output: \($0)" } + ["end", "errors", "fallbacks", "user turns", "LLM calls", "tokens", "cost"]
        let sheet = try book.addSheet(name)
        try sheet.fitToPageWidth()
        try sheet.setColumn(0, width: 6)
        try sheet.setColumn(1, through: headers.count - 1, width: 18)
        try sheet.write(row: 0, values: headers.map { .text($0) }, style: ReportStyle.header)
        try sheet.freezeHeader(rows: 1, columns: 1)
        for (index, record) in simulated.enumerated() {
            try sheet.write(row: index + 1, values: row(record, variables: variables, outputs: outputs))
        }
        try sheet.autofilter(lastRow: simulated.count, lastCol: headers.count - 1)
        return sheet.name
    }

    static func row(_ record: ConversationRecord, variables: [String], outputs: [String]) -> [CellValue] {
        let details = record.details ?? [:]
        let goals = details["goals_filled"].map(texts) ?? []
        let unanswered = details["goals_unanswered"].map(texts) ?? []
        let styles = details["conversation"]?["interaction_style"].map(texts) ?? []
        let errors = details["errors"].map { list -> [String] in
            guard case .array(let items) = list else { return [] }
            return items.map { "\($0["code"]?.scalarText ?? "?"): \($0["message"]?.scalarText ?? "")" }
        } ?? []
        let llm = details["llm"]
        var cells: [CellValue] = [.integer(record.run), .text(details["test_name"]?.scalarText ?? ""),
            .text(details["voice"]?.scalarText ?? "")]
        cells += variables.map { .text(record.chosen?[$0].map(display) ?? "") }
        cells += [.text(styles.joined(separator: "; ")), .text("\(goals.count - unanswered.count) of \(goals.count)"),
            .text(unanswered.joined(separator: "; "))]
        cells += outputs.map { name in
            guard let value = record.outputs?[name], value != .null else { return .text("") }
            return .text(display(value))
        }
        cells += [.text(record.end.description), .text(errors.joined(separator: "; ")),
            number(details["fallbacks"]), number(details["user_turns"]), number(llm?["calls"]),
            .number(sum(llm?["prompt_tokens"], llm?["completion_tokens"])), number(llm?["cost"])]
        return cells
    }

    static func texts(_ value: JSON) -> [String] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap(\.scalarText)
    }

    static func display(_ value: JSON) -> String {
        switch value {
        case .array(let items): return "[" + items.map(display).joined(separator: ", ") + "]"
        case .null: return ""
        default: return value.scalarText ?? value.text
        }
    }

    static func number(_ value: JSON?) -> CellValue {
        if case .number(let x)? = value { return .number(x) }
        return .text("")
    }

    static func sum(_ a: JSON?, _ b: JSON?) -> Double? {
        guard case .number(let x)? = a, case .number(let y)? = b else { return nil }
        return x + y
    }
}

/// The `Simulation` sheet in `summary.xlsx`.
enum SimulationSummarySheet: SummarySheet {
    static let about = SimulationSheet.about

    static func write(_ summary: SummaryInput, into book: Workbook) throws -> String? {
        try SimulationSheet.write(summary.analysis.simulations, into: book)
    }
}
