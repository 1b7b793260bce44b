import LabCore

/// A few lines on how simulated conversations went, for the terminal: how they ended, goals answered, outputs
/// extracted, fallbacks, and the user's LLM calls and cost.
public enum SimulationDigest {
    public static func text(_ records: [ConversationRecord]) -> String {
        let simulated = records.filter { $0.details?["test_name"] != nil }
        guard !simulated.isEmpty else { return "" }
        var ends: [String: Int] = [:]
        var goals = 0, answered = 0, outputs = 0, extracted = 0, fallbacks = 0, calls = 0, senseiCalls = 0
        var cost: Double?
        for record in simulated {
            ends[record.end.reason.rawValue, default: 0] += 1
            let details = record.details ?? [:]
            if case .array(let filled)? = details["goals_filled"], case .array(let open)? = details["goals_unanswered"] {
                goals += filled.count
                answered += filled.count - open.count
            }
            for value in (record.outputs ?? [:]).values {
                outputs += 1
                if value != .null { extracted += 1 }
            }
            if case .number(let n)? = details["fallbacks"] { fallbacks += Int(n) }
            if case .number(let n)? = details["llm"]?["calls"] { calls += Int(n) }
            // SENSEI's scheme: a call per user message, a goal verification per bot message, one per output.
            if case .number(let turns)? = details["user_turns"] { senseiCalls += 2 * Int(turns) + 1 + (record.outputs ?? [:]).count }
            if case .number(let usd)? = details["llm"]?["cost"] { cost = (cost ?? 0) + usd }
        }
        let endText = ends.keys.sorted().map { "\($0) \(ends[$0]!)" }.joined(separator: ", ")
        var lines = [
            "Simulated conversations: \(simulated.count) (ended: \(endText))",
            "  goals answered \(answered) of \(goals); outputs extracted \(extracted) of \(outputs); fallbacks met \(fallbacks)",
            "  user LLM calls \(calls) (\(String(format: "%.1f", Double(calls) / Double(simulated.count))) per conversation"
                + (cost.map { String(format: ", cost $%.4f", $0) } ?? "") + "; the SENSEI tool's scheme would make \(senseiCalls))",
        ]
        if calls == 0 { lines[2] = "  user LLM calls 0 (template user, offline)" }
        return lines.joined(separator: "\n")
    }
}
