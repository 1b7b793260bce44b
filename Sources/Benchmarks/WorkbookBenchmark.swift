import Foundation
import LabCore
import Reports

/// `chatlab bench workbook`: writes a large synthetic `report.xlsx` through ``RunWorkbook`` and measures it.
///
/// The synthetic experiment has `runs` runs of `rounds` rounds: two utterances of about 60 characters per round and
/// three scorers on chatter2 with a verdict, a score and a note each, 12 columns in all (about 1.2 million cells for
/// 1,000 × 100), then the Failures sheet (at most 10,000 failing verdicts) and the legend.
/// `scripts/bench_workbook_xlsxwriter.py` writes the same run and Failures sheets with Python's XlsxWriter.
public enum WorkbookBenchmark {
    /// One measured write, as the worker process prints it (one JSON line).
    public struct Measurement: Codable, Sendable {
        public var tool: String
        public var runs: Int
        public var rounds: Int
        public var cells: Int
        public var seconds: Double
        /// CPU time the whole process spent in user space and in the kernel (creating and writing files), if known.
        public var userSeconds: Double?
        public var systemSeconds: Double?
        /// Whether the process refused glibc printf extensions (see Sources/CPrintfHooks), if known.
        public var printfExtensionsRefused: Bool?
        /// The process's peak resident memory (VmHWM), in kB.
        public var peakKB: Int
        public var bytes: Int

        enum CodingKeys: String, CodingKey {
            case tool, runs, rounds, cells, seconds, bytes
            case peakKB = "peak_kb"
            case userSeconds = "user_seconds"
            case systemSeconds = "system_seconds"
            case printfExtensionsRefused = "printf_extensions_refused"
        }

        public var cellsPerSecond: Double { seconds > 0 ? Double(cells) / seconds : 0 }
        public var peakMB: Double { Double(peakKB) / 1024 }
    }

    public static let scorers = [
        SeriesKey(code: "ML-A6", title: "stutter", seat: .chatter2),
        SeriesKey(code: "ML-A7", title: "repeated questions", seat: .chatter2),
        SeriesKey(code: "RT", title: "response time", seat: .chatter2),
    ]

    /// What chatter 1 says in a round (55–60 characters); the Python script builds the same strings.
    public static func question(run: Int, round: Int) -> String {
        "Run \(run), round \(round): what did you do today, and why was it fun?"
    }

    /// What chatter 2 answers (about 60 characters).
    public static func answer(run: Int, round: Int) -> String {
        "In run \(run) round \(round) I read a book and walked by the river."
    }

    /// The verdict, score and note of scorer `scorer` (0, 1, 2) for a round.
    public static func cell(run: Int, round: Int, scorer: Int) -> ScoreCell {
        let fails = (run * 7 + round * 3 + scorer) % 5 == 0
        let score = Double((run * 31 + round * 17 + scorer * 13) % 1000) / 1000
        let note = fails ? "failed: \(scorer == 0 ? "repeats" : scorer == 1 ? "asked again" : "too slow")" : "fine"
        return ScoreCell(verdict: fails ? .fail : .pass, score: score, interpretation: "\(note) (\(round))")
    }

    public static func experiment(runs: Int, rounds: Int) -> ExperimentInfo {
        ExperimentInfo(
            name: "bench", seed: 1, runs: runs, rounds: rounds,
            chatters: ["chatter1": "chatter1: script \"tester\"", "chatter2": "chatter2: reference \"robin\""],
            underTest: [.chatter2], configText: "name: bench\n", configPath: "bench.yaml", toolVersion: "bench",
            started: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// One synthetic run, made when needed so a benchmark never holds more than one.
    public static func run(_ run: Int, rounds: Int) -> RunAnalysis {
        var turns: [Turn] = []
        turns.reserveCapacity(rounds * 2)
        for round in 1...max(1, rounds) {
            let index = turns.count + 1
            turns.append(
                Turn(run: run, round: round, index: index, seat: .chatter1, text: question(run: run, round: round),
                     saw: index - 1))
            turns.append(
                Turn(run: run, round: round, index: index + 1, seat: .chatter2, text: answer(run: run, round: round),
                     saw: index, latency: 0.5))
        }
        let series = scorers.enumerated().map { scorer, key in
            var cells: [Int: ScoreCell] = [:]
            cells.reserveCapacity(rounds)
            for round in 1...max(1, rounds) { cells[round * 2] = cell(run: run, round: round, scorer: scorer) }
            return ScoreSeries(key: key, result: ScoreResult(cells: cells))
        }
        return RunAnalysis(transcript: Transcript(run: run, turns: turns), seed: UInt64(run), series: series)
    }

    /// Writes the synthetic `report.xlsx` to `path` in this process and measures it.
    public static func measure(runs: Int, rounds: Int, path: String) throws -> Measurement {
        let start = Date()
        let writer = try RunWorkbook.Writer(
            path: path, experiment: experiment(runs: runs, rounds: rounds), columns: ColumnOptions(),
            seriesKeys: scorers, checks: CheckCatalogue(scorers.compactMap { CheckCatalogue.builtIn[$0.code] }))
        for number in 1...max(1, runs) { try writer.append(run(number, rounds: rounds)) }
        let cells = writer.cellCount
        try writer.finish()
        let seconds = Date().timeIntervalSince(start)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let cpu = cpuSeconds()
        return Measurement(
            tool: "chatlab (libxlsxwriter)", runs: runs, rounds: rounds, cells: cells, seconds: seconds,
            userSeconds: cpu.user, systemSeconds: cpu.system, peakKB: peakResidentKB() ?? 0, bytes: bytes)
    }

    /// This process's CPU time so far, in user space and in the kernel.
    static func cpuSeconds() -> (user: Double, system: Double) {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return (0, 0) }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }

    /// VmHWM from /proc/self/status: the peak resident memory of this process, in kB (`nil` off Linux).
    public static func peakResidentKB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }

    /// The fastest of several measurements of one size, with the highest peak memory among them.
    public static func fastest(_ measurements: [Measurement]) -> Measurement? {
        guard var best = measurements.min(by: { $0.seconds < $1.seconds }) else { return nil }
        best.peakKB = measurements.map(\.peakKB).max() ?? best.peakKB
        return best
    }

    /// The result table: tool, runs, cells, seconds, CPU seconds in user space and kernel, cells/s, peak MB.
    public static func table(_ measurements: [Measurement]) -> String {
        var rows = [["tool", "runs", "cells", "seconds", "user s", "kernel s", "cells/s", "peak MB"]]
        for m in measurements {
            rows.append([
                m.tool, "\(m.runs) × \(m.rounds)", grouped(m.cells), String(format: "%.2f", m.seconds),
                m.userSeconds.map { String(format: "%.2f", $0) } ?? "-",
                m.systemSeconds.map { String(format: "%.2f", $0) } ?? "-",
                grouped(Int(m.cellsPerSecond.rounded())), String(format: "%.1f", m.peakMB),
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + pad : pad + text
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }
}
