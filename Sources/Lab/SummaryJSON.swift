import Foundation
import LabCore

/// `summary.json`: the summary workbook's numbers for machines.
struct SummaryJSON: Encodable {
    struct Score: Encodable {
        var code: String
        var title: String
        var seat: String
        var passes: Int
        var total: Int
        var rate: Double?
        var statistics: [String: Double]
        /// Histograms by perturbation level or distance: labels with passes and totals.
        var breakdowns: [Breakdown]?
    }

    struct Run: Encodable {
        var run: Int
        var seed: String
        var rounds: Int
        var turns: Int
        var errors: Int
        /// Share of chatter turns (not injected probes) that produced a reply.
        var successRate: Double?
        /// Wall-clock seconds of the conversation, and turns per second over it.
        var seconds: Double?
        var turnsPerSecond: Double?
        var scores: [Score]
        /// Probes planned and placed per test code.
        var probes: [String: ProbeCount]?
    }

    struct Total: Encodable {
        var runs: Int
        var rounds: Int
        var turns: Int
        var errors: Int
        var successRate: Double?
        /// Summed over runs (with concurrency, runs overlap: compare with the experiment's start and end).
        var seconds: Double?
        var scores: [Score]
        var probes: [String: ProbeCount]?
    }

    var experiment: ExperimentInfo
    var runs: [Run]
    var total: Total

    init(_ analysis: Analysis, totals: [SeriesKey: [Statistic]]) {
        experiment = analysis.experiment
        runs = analysis.runs.map { run in
            let seconds = analysis.experiment.runSeconds[String(run.run)]
            return Run(
                run: run.run, seed: String(run.seed), rounds: run.transcript.roundCount,
                turns: run.transcript.turns.count, errors: run.transcript.turns.filter { $0.error != nil }.count,
                successRate: Self.successRate([run.transcript]), seconds: seconds,
                turnsPerSecond: seconds.flatMap { $0 > 0 ? Double(run.transcript.turns.count) / $0 : nil },
                scores: run.series.map { Self.score($0.key, $0.result.tally, $0.result.statistics, $0.result.breakdowns) },
                probes: run.plan?.counts)
        }
        total = Total(
            runs: runs.count, rounds: runs.map(\.rounds).reduce(0, +), turns: runs.map(\.turns).reduce(0, +),
            errors: runs.map(\.errors).reduce(0, +),
            successRate: Self.successRate(analysis.runs.map(\.transcript)),
            seconds: runs.compactMap(\.seconds).reduce(0, +),
            scores: analysis.seriesKeys.map {
                Self.score($0, analysis.total($0), totals[$0] ?? [], analysis.totalBreakdowns($0))
            },
            probes: analysis.runs.contains { $0.plan != nil } ? analysis.probeCounts : nil)
    }

    static func successRate(_ transcripts: [Transcript]) -> Double? {
        let asked = transcripts.flatMap(\.turns).filter { $0.probe == nil }
        return asked.isEmpty ? nil : Double(asked.filter { $0.error == nil }.count) / Double(asked.count)
    }

    static func score(_ key: SeriesKey, _ tally: Tally, _ statistics: [Statistic], _ breakdowns: [Breakdown]) -> Score {
        Score(
            code: key.code, title: key.title, seat: key.seat.description, passes: tally.passes, total: tally.total,
            rate: tally.rate, statistics: Dictionary(statistics.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
            breakdowns: breakdowns.isEmpty ? nil : breakdowns)
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: path))
        } catch {
            throw LabError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
