import Foundation
import LabCore
import Testing

/// Token usage is summed per seat as runs are appended, and the runs kept hold no turns.
@Suite struct UsageTotalsTests {
    private func run(_ number: Int, _ metrics: [[String: Double]]) -> RunAnalysis {
        let turns = metrics.enumerated().map { index, metrics in
            Turn(run: number, round: index + 1, index: index + 1, seat: index % 2 == 0 ? .chatter2 : .chatter1,
                 text: "x", saw: 0, latency: 0.1, metrics: metrics)
        }
        return RunAnalysis(transcript: Transcript(run: number, turns: turns), seed: 1, series: [])
    }

    private func analysis() -> Analysis {
        Analysis(
            experiment: ExperimentInfo(
                name: "t", seed: 1, runs: 2, rounds: 2, chatters: [:], underTest: [.chatter2], configText: "",
                configPath: "t.yaml", toolVersion: "0", started: Date(timeIntervalSince1970: 0)),
            columns: ColumnOptions())
    }

    @Test func appendedRunsAddUpPerSeatAndLetTheTurnsGo() {
        var analysis = analysis()
        analysis.append(run(1, [
            ["prompt_tokens": 10, "completion_tokens": 4, "ttft": 0.2, "tokens_per_second": 40],
            ["retries": 0],
        ]))
        analysis.append(run(2, [
            ["prompt_tokens": 30, "completion_tokens": 6, "ttft": 0.4, "tokens_per_second": 20],
            ["http_status": 200],
        ]))
        #expect(analysis.runs.allSatisfy { $0.transcript.turns.isEmpty })
        #expect(analysis.usage[.chatter1] == nil)
        let usage = try! #require(analysis.usage[.chatter2])
        #expect(usage.turns == 2 && usage.promptTokens == 40 && usage.completionTokens == 10)
        #expect(usage.ttft == [0.2, 0.4] && usage.tokensPerSecond == [40, 20])
        #expect(usage.cost(TokenPrice(input: 0.15, output: 0.6)) == 40 * 0.15 / 1_000_000 + 10 * 0.6 / 1_000_000)
        let spread = try! #require(SpreadSummary(usage.ttft))
        #expect(abs(spread.mean - 0.3) < 1e-12 && abs(spread.median - 0.3) < 1e-12 && abs(spread.p95 - 0.39) < 1e-12)
        #expect(SpreadSummary([]) == nil)
    }

    @Test func settingTheRunsRecountsTheUsage() {
        var analysis = analysis()
        analysis.append(run(1, [["prompt_tokens": 10, "completion_tokens": 4]]))
        analysis.runs = [run(2, [["prompt_tokens": 1, "completion_tokens": 2]])]
        #expect(analysis.usage[.chatter2]?.promptTokens == 1)
        analysis.runs = []
        #expect(analysis.usage.isEmpty)
    }
}
