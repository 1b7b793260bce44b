import Foundation

extension EmbeddingBenchReport {
    /// The setup (texts, OpenBLAS's kernel, engines, their agreement, the peaks), the table, ChatLab's plans and the
    /// goals.
    public func text() -> String {
        var lines: [String] = []
        let counts = texts.sets.map { "\($0.texts.count) \($0.name) (\(number($0.meanTokens, 1)) tokens on average)" }
        lines.append("texts: \(texts.path): \(counts.joined(separator: ", "))")
        if !openBLAS.isEmpty { lines.append("OpenBLAS: \(openBLAS)") }
        for engine in engines {
            lines.append("\(engine.name): \(versions[engine] ?? "?")")
            if let mismatches = tokenMismatches[engine], mismatches > 0 {
                lines.append("warning: \(mismatches) texts have different token counts in \(engine.name)")
            }
        }
        if !differences.isEmpty {
            let parts = engines.compactMap { engine in
                differences[engine].map { "\(engine.name) " + String(format: "%.1e", $0) }
            }
            lines.append("exactness: the largest |ChatLab − engine| over the unit vectors of the first "
                + "\(vectorsCompared) texts of each set: \(parts.joined(separator: ", "))")
        }
        let sampled = "\(rounds) time\(rounds == 1 ? "" : "s")"
        lines.append("peak sgemm: 2048³ float32 products for \(number(seconds, 1)) s; OpenBLAS sampled \(sampled) "
            + "before the cells, \(sampled) after and in every round of every cell, the reference libraries \(sampled) "
            + "before and after; the run's highest:")
        for count in peaks.keys.sorted() {
            let peak = peaks[count]!
            let parts = ["OpenBLAS " + (openBLASCore.isEmpty ? "" : openBLASCore + " ") + number(peak.openBLAS, 1)]
                + engines.compactMap { engine in peak.references[engine].map { "\(engine.matmul) " + number($0, 1) } }
            lines.append("  \(count) thread\(count == 1 ? "" : "s"): \(number(peak.best, 1)) GFLOP/s "
                + "(\(parts.joined(separator: ", ")))")
        }
        lines.append("each cell: the fastest of \(rounds) round\(rounds == 1 ? "" : "s") of \(number(seconds, 1)) s"
            + (engines.isEmpty
                ? ""
                : ", ChatLab, " + engines.map(\.name).joined(separator: " and ")
                    + " taking turns (who goes first rotates)"))
        lines.append("peak: the machine's best sgemm peak for the cell, the higher of OpenBLAS's sampled alongside it "
            + "and the reference libraries' highest of the run; of peak: ChatLab's GFLOP/s over it")
        lines.append("")
        var header = "threads  texts  tokens  batch     peak |  chatlab texts/s  tokens/s  GFLOP/s  of peak"
        for engine in engines {
            let name = "\(engine.column) texts/s", ratio = "chatlab/\(engine.column)"
            header += " |  " + name + "  " + ratio
        }
        lines.append(header)
        for row in rows {
            var line = pad(row.cell.threads, 7) + "  " + row.cell.set.padding(toLength: 5, withPad: " ", startingAt: 0)
                + "  " + pad(number(row.meanTokens, 1), 6) + "  " + pad(row.cell.batch, 5) + "  "
                + pad(number(machinePeak(row).gflops, 1), 7) + " | "
                + pad(number(row.chatLab.textsPerSecond, 1), 16) + "  "
                + pad(number(row.chatLab.tokensPerSecond, 0), 8) + "  " + pad(number(row.chatLab.gflops, 1), 7)
                + "  " + pad(percent(share(row, row.chatLab)), 7)
            for engine in engines {
                line += " | " + pad(row.references[engine].map { number($0.textsPerSecond, 1) } ?? "-",
                                    engine.column.count + 9)
                line += "  " + pad(row.ratio(engine).map(times) ?? "-", engine.column.count + 8)
            }
            lines.append(line)
        }
        if rows.contains(where: { !$0.plan.isEmpty }) {
            lines.append("")
            lines.append("ChatLab's plan per cell (for one batch of the cell's texts):")
            for row in rows where !row.plan.isEmpty { lines.append("  \(label(row.cell)): \(row.plan)") }
        }
        let goals = goals
        if !goals.isEmpty {
            lines.append("")
            lines.append("goals (issue 23):")
            for goal in goals {
                lines.append("  \(goal.met ? "met    " : "MISSED ") \(goal.name) (closest: \(goal.closest))")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ value: Any, _ width: Int) -> String {
        let text = "\(value)"
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
