import Foundation
import LabCore

/// A hand-made analysis with probes: 2 runs × 4 rounds, chatter 1 drives and carries the probe turns, chatter 2
/// replies. Series on chatter2: ML-I1 (distance breakdown), ML-U3 (20-bucket typo breakdown) and RT.
enum ProbeSample {
    static let memory = SeriesKey(code: "ML-I1", title: "memory", seat: .chatter2)
    static let typos = SeriesKey(code: "ML-U3", title: "typos", seat: .chatter2)
    static let time = SeriesKey(code: "RT", title: "response time", seat: .chatter2)
    static let typoLabels = (0..<20).map { "\($0 * 5)–\($0 * 5 + 5) %" }
    static let distanceLabels = (1...5).map { $0 == 1 ? "1 round" : "\($0) rounds" }
    /// Response times of run 1 and run 2 (replies of chatter2, rounds 1–4).
    static let latencies: [[Double]] = [[0.4, 1.2, 2.9, 0.8], [0.5, 4.6, 1.0, 0.3]]
    /// Catalogue entries of the three codes as an analyzer would give them; RT with a 3 s limit in force.
    static let checks = CheckCatalogue([
        CheckEntry(
            code: "ML-I1", title: "long-term memory", meaning: "A fact, then a question about it later.",
            unit: "answer similarity", threshold: .judged("fails unless the reply gives the expected answer"), kind: .probe),
        CheckEntry(
            code: "ML-U3", title: "typos", meaning: "Questions with typos.", unit: "answer similarity",
            threshold: .judged("fails unless the reply gives the expected answer"), kind: .probe),
        CheckEntry(
            code: "RT", title: "response time", meaning: "Seconds to reply.", unit: "seconds",
            threshold: .failsAbove(3, unit: "s"), kind: .responseTime),
    ])

    static func make() -> Analysis {
        let experiment = ExperimentInfo(
            name: "probes demo", seed: 99, runs: 2, rounds: 4,
            chatters: ["chatter1": "chatter1: script", "chatter2": "chatter2: echo"],
            underTest: [.chatter2], configText: "name: probes demo\n", configPath: "configs/probes.yaml",
            toolVersion: "0.1.0", started: Date(timeIntervalSince1970: 1_700_000_000), ended: nil)
        return Analysis(experiment: experiment, columns: ColumnOptions(), runs: [run(1), run(2)], checks: checks)
    }

    /// Typo tallies per bucket of a run: run 1 fills buckets 0 and 3, run 2 buckets 3 and 19.
    static func typoTallies(_ run: Int) -> [Tally] {
        var tallies = Array(repeating: Tally(), count: 20)
        if run == 1 {
            tallies[0] = Tally(passes: 1, total: 1)
            tallies[3] = Tally(passes: 1, total: 2)
        } else {
            tallies[3] = Tally(passes: 0, total: 1)
            tallies[19] = Tally(passes: 2, total: 3)
        }
        return tallies
    }

    static func distanceTallies(_ run: Int) -> [Tally] {
        var tallies = Array(repeating: Tally(), count: 5)
        tallies[2] = Tally(passes: run == 1 ? 1 : 0, total: 1)
        return tallies
    }

    static func run(_ number: Int) -> RunAnalysis {
        let info = ProbeMark(code: "ML-I1", set: "name-1", role: .information, variant: 0)
        let question = ProbeMark(
            code: "ML-U3", set: "cat-2", role: .question, variant: 1, original: "What is my cat called?",
            perturbation: ["share": 0.2, "bucket": 3])
        let asked = ProbeMark(code: "ML-I1", set: "name-1", role: .question, variant: 0, distance: 3)
        let texts: [(String, ProbeMark?)] = [
            ("My name is Ada.", info), ("Waht is my cat calld?", question), ("Nice weather.", nil),
            ("What is my name?", asked),
        ]
        var turns: [Turn] = []
        var timeCells: [Int: ScoreCell] = [:]
        for (offset, (text, mark)) in texts.enumerated() {
            let round = offset + 1
            turns.append(
                Turn(run: number, round: round, index: 2 * round - 1, seat: .chatter1, text: text, saw: 2 * offset, probe: mark))
            let latency = latencies[number - 1][offset]
            turns.append(
                Turn(run: number, round: round, index: 2 * round, seat: .chatter2, text: "reply \(round)",
                     saw: 2 * offset + 1, latency: latency))
            timeCells[2 * round] = ScoreCell(verdict: latency <= 3 ? .pass : .fail, score: latency)
        }
        let memoryResult = ScoreResult(
            cells: [8: ScoreCell(verdict: number == 1 ? .pass : .fail, score: 0.9)],
            breakdowns: [Breakdown(title: "ML-I1 by distance", axis: "rounds between", labels: distanceLabels,
                                   tallies: distanceTallies(number))])
        let typoResult = ScoreResult(
            cells: [4: ScoreCell(verdict: .pass, score: 0.8)],
            breakdowns: [Breakdown(title: "ML-U3 by typo level", axis: "typo level", labels: typoLabels,
                                   tallies: typoTallies(number))])
        let placed = [
            PlacedProbe(code: "ML-I1", set: "name-1", turns: [], distance: 3),
            PlacedProbe(code: "ML-U3", set: "cat-2", turns: []),
        ]
        let unplaced = number == 1
            ? [UnplacedProbe(code: "ML-U3", set: "cat-3", round: 4, reason: "no room")]
            : [UnplacedProbe(code: "ML-I1", set: "name-2", round: 3, reason: "no room"),
               UnplacedProbe(code: "ML-I1", set: "name-3", round: 4, reason: "no room")]
        return RunAnalysis(
            transcript: Transcript(run: number, turns: turns), seed: UInt64(number),
            series: [
                ScoreSeries(key: memory, result: memoryResult), ScoreSeries(key: typos, result: typoResult),
                ScoreSeries(key: time, result: ScoreResult(cells: timeCells)),
            ],
            plan: ProbePlan(run: number, probes: placed, unplaced: unplaced))
    }
}
