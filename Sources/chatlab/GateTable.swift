import Lab

/// The table of a gate's limits: experiment, check, limit, what was measured, and whether it was met.
enum GateTable {
    static func render(_ results: [(gate: String, result: GateResult)]) -> String {
        var rows = [["experiment", "check", "limit", "measured", "result"]]
        for (gate, result) in results {
            let check = result.key.map { "\($0.code) \($0.title) (\($0.seat))" } ?? "bot under test"
            rows.append([gate, check, result.limit, result.measured, result.passed ? "met" : "MISSED"])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
