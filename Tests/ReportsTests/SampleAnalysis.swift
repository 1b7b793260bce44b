import Foundation
import LabCore

/// A small hand-made analysis: 2 runs, two series on chatter2 (ML-A6 with statistics, ML-I2 with a table).
enum SampleAnalysis {
    static let longText = String(repeating: "abcdefghij", count: 4_000)  // 40,000 characters
    static let formulaTexts = ["=1+1", "+cmd", "-2", "@SUM(A1)"]
    static let stutter = SeriesKey(code: "ML-A6", title: "stutter", seat: .chatter2)
    static let repeats = SeriesKey(code: "ML-I2", title: "repeats", seat: .chatter2)
    static let seed: UInt64 = 18_446_744_073_709_551_557  // beyond Double's exact integers
    static let configText = "name: demo\nrounds: 3\n=HYPERLINK(\"x\")\n\nchatter1:\n  kind: script\n"
    static let tableTitle = "questions/asked"

    static let totalStatistics: [SeriesKey: [Statistic]] = [
        stutter: [Statistic("mean", 0.4), Statistic("p95", 0.85), Statistic("max", 0.9)]
    ]

    static func make(columns: ColumnOptions = ColumnOptions(), underTest: [Seat] = [.chatter2]) -> Analysis {
        let experiment = ExperimentInfo(
            name: "demo", seed: seed, runs: 2, rounds: 4,
            chatters: ["chatter1": "chatter1: script", "chatter2": "chatter2: http"],
            underTest: underTest, configText: configText, configPath: "configs/demo.yaml", toolVersion: "0.1.0",
            started: Date(timeIntervalSince1970: 1_700_000_000), ended: Date(timeIntervalSince1970: 1_700_000_600))
        return Analysis(experiment: experiment, columns: columns, runs: [runOne(), runTwo()])
    }

    /// Run 1: 3 rounds, formula-looking texts, the long text, a probe and an error. ML-A6: 2 passes of 2.
    static func runOne() -> RunAnalysis {
        let probe = ProbeMark(code: "ML-I1", set: "basic", role: .question, variant: 0, original: "What is your name?")
        let turns = [
            Turn(run: 1, round: 1, index: 1, seat: .chatter1, text: formulaTexts[0], saw: 0),
            Turn(run: 1, round: 1, index: 2, seat: .chatter2, text: formulaTexts[3], saw: 1, latency: 0.5),
            Turn(run: 1, round: 2, index: 3, seat: .chatter1, text: formulaTexts[1], saw: 2, probe: probe),
            Turn(run: 1, round: 2, index: 4, seat: .chatter2, text: longText, saw: 3, latency: 0.7),
            Turn(run: 1, round: 3, index: 5, seat: .chatter1, text: formulaTexts[2], saw: 4),
            Turn(
                run: 1, round: 3, index: 6, seat: .chatter2, text: "", saw: 5,
                error: TurnError(kind: "timeout", message: "no answer in 30 s")),
        ]
        let stutterResult = ScoreResult(
            cells: [
                2: ScoreCell(verdict: .pass, score: 0.1, interpretation: "=no stutter"),
                4: ScoreCell(verdict: .pass, score: 0.3, interpretation: "fine"),
                6: ScoreCell(verdict: .skipped, interpretation: "chatter failed"),
            ],
            statistics: [Statistic("mean", 0.2), Statistic("p95", 0.29)])
        let repeatsResult = ScoreResult(
            cells: [2: ScoreCell(verdict: .pass), 4: ScoreCell(verdict: .fail, score: 1)],
            tables: [
                ScoreTable(
                    title: tableTitle, columns: ["Question", "Count"],
                    rows: [[.text("=what?"), .number(2)], [.text("why"), .number(1)]])
            ])
        return RunAnalysis(
            transcript: Transcript(run: 1, turns: turns), seed: 42,
            series: [
                ScoreSeries(key: stutter, result: stutterResult), ScoreSeries(key: repeats, result: repeatsResult),
            ])
    }

    /// Run 2: 4 rounds, no probes. ML-A6: 1 pass of 4 (rates 100% and 25%: average 62.5%, pooled 3/6 = 50%).
    static func runTwo() -> RunAnalysis {
        var turns: [Turn] = []
        for round in 1...4 {
            turns.append(Turn(run: 2, round: round, index: 2 * round - 1, seat: .chatter1, text: "q\(round)", saw: 0))
            turns.append(Turn(run: 2, round: round, index: 2 * round, seat: .chatter2, text: "a\(round)", saw: 1))
        }
        let verdicts: [Verdict] = [.fail, .fail, .fail, .pass]
        var cells: [Int: ScoreCell] = [:]
        for (offset, verdict) in verdicts.enumerated() {
            cells[2 * (offset + 1)] = ScoreCell(verdict: verdict, score: Double(offset) / 4, interpretation: "n\(offset)")
        }
        let stutterResult = ScoreResult(cells: cells, statistics: [Statistic("mean", 0.5), Statistic("max", 0.9)])
        let repeatsResult = ScoreResult(
            cells: [2: ScoreCell(verdict: .pass)],
            tables: [ScoreTable(title: tableTitle, columns: ["Question", "Count"], rows: [[.text("how"), .number(3)]])])
        return RunAnalysis(
            transcript: Transcript(run: 2, turns: turns), seed: 7,
            series: [
                ScoreSeries(key: stutter, result: stutterResult), ScoreSeries(key: repeats, result: repeatsResult),
            ])
    }
}
