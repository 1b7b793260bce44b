import LabCore

/// Runs every enabled scorer over saved transcripts, for every seat under test.
public struct Analyzer: Sendable {
    public let scorers: [any Scorer]
    public let underTest: [Seat]
    public let testSets: [String: TestSet]

    public init(scorers: [any Scorer], underTest: [Seat], testSets: [String: TestSet] = [:]) {
        self.scorers = scorers
        self.underTest = underTest
        self.testSets = testSets
    }

    /// The series every run is scored in (each scorer × each seat under test), in report column order.
    public var seriesKeys: [SeriesKey] {
        scorers.flatMap { scorer in underTest.map { SeriesKey(code: scorer.code, title: scorer.title, seat: $0) } }
    }

    /// Scores one run: its scorers one after another (runs are what goes concurrently, see ``RunScoring``).
    public func analyze(_ transcript: Transcript, seed: UInt64, plan: ProbePlan? = nil) async -> RunAnalysis {
        var series: [ScoreSeries] = []
        for scorer in scorers {
            for seat in underTest {
                let result = await scorer.score(ScorerInput(transcript: transcript, seat: seat, testSets: testSets))
                series.append(ScoreSeries(key: SeriesKey(code: scorer.code, title: scorer.title, seat: seat), result: result))
            }
        }
        return RunAnalysis(transcript: transcript, seed: seed, series: series, plan: plan)
    }

    /// Statistics over all runs pooled, per series, for the summary's total row.
    public func totalStatistics(_ runs: [RunAnalysis]) -> [SeriesKey: [Statistic]] {
        var totals: [SeriesKey: [Statistic]] = [:]
        for scorer in scorers {
            for seat in underTest {
                let key = SeriesKey(code: scorer.code, title: scorer.title, seat: seat)
                totals[key] = scorer.pooledStatistics(runs.compactMap { $0.series(key)?.result })
            }
        }
        return totals
    }
}
