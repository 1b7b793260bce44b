import Foundation
import LabCore
import Transcripts

/// `summary.json`: the summary workbook's numbers for machines.
///
/// Its size does not grow with the number of runs: each run's numbers are in `runs/run-<k>.json` (``Run``), and the
/// experiment record here leaves out the per-run lists of older folders.
struct SummaryJSON: Encodable {
    struct Score: Encodable {
        var code: String
        var title: String
        var seat: String
        var passes: Int
        var total: Int
        var rate: Double?
        /// The Wilson 95 % score interval of the rate (absent when nothing was counted).
        var interval: RateInterval?
        /// Fewer than ``Tally/smallSampleBelow`` verdicts: read the interval, not the rate.
        var smallSample: Bool
        /// The rule the scorer had in force (in the totals; e.g. `fails above 0.33`), so a re-analysis with other
        /// thresholds says so and `compare` can warn when two experiments were judged differently.
        var rule: String?
        var statistics: [String: Double]
        /// The checked seat's chatter turns, and those that failed (no reply): the error rate gates judge.
        var asked: Int
        var failed: Int
        /// Histograms by perturbation level or distance: labels with passes and totals.
        var breakdowns: [Breakdown]?
    }

    /// One run's numbers: `runs/run-<k>.json`.
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
        /// Why the conversation ended (absent for folders written before conversation records).
        var end: ConversationEnd?
        var scores: [Score]
        /// Probes planned and placed per test code.
        var probes: [String: ProbeCount]?

        init(_ run: RunAnalysis, conversation: ConversationRecord?, legacySeconds: Double?) {
            let seconds = conversation?.seconds ?? legacySeconds
            self.run = run.run
            seed = String(run.seed)
            rounds = run.counts.rounds
            turns = run.counts.turns
            errors = run.counts.errors
            successRate = run.counts.successRate
            self.seconds = seconds
            turnsPerSecond = seconds.flatMap { $0 > 0 ? Double(run.counts.turns) / $0 : nil }
            end = conversation?.end
            scores = GateMeasure.run(run, keys: run.series.map(\.key)).map { measure in
                SummaryJSON.score(measure, run.series(measure.key)?.result.breakdowns ?? [])
            }
            probes = run.probeCounts
        }
    }

    struct Total: Encodable {
        var runs: Int
        var rounds: Int
        var turns: Int
        var errors: Int
        var successRate: Double?
        /// Summed over runs (with concurrency, runs overlap: compare with the experiment's start and end).
        var seconds: Double?
        /// How many conversations ended for each reason (`rounds_done`, `chatter_ended`...).
        var ends: [String: Int]?
        var scores: [Score]
        var probes: [String: ProbeCount]?
        /// Token usage, speed and cost per seat, when a chatter reported token metrics.
        var usage: [UsageSummary]?
    }

    var experiment: ExperimentInfo
    /// Where each run's numbers are, `<k>` standing for the run number.
    var runFiles = "runs/run-<k>.json"
    var total: Total
    /// The correctness rules' counts (config `rules:`), absent when the experiment has none.
    var rules: [RuleTally]?

    /// Pooled statistics come from ``Analysis/totalStatistics``.
    init(_ analysis: Analysis) {
        var experiment = analysis.experiment
        experiment.completedRuns = []
        experiment.runSeconds = [:]
        self.experiment = experiment
        let runs = analysis.runs
        let asked = runs.reduce(0) { $0 + $1.counts.asked }
        let ends = Dictionary(uniqueKeysWithValues: analysis.conversations.ends.map { ($0.key.rawValue, $0.value) })
        total = Total(
            runs: runs.count, rounds: runs.reduce(0) { $0 + $1.counts.rounds },
            turns: runs.reduce(0) { $0 + $1.counts.turns }, errors: runs.reduce(0) { $0 + $1.counts.errors },
            successRate: asked == 0 ? nil : Double(runs.reduce(0) { $0 + $1.counts.answered }) / Double(asked),
            seconds: analysis.conversations.seconds, ends: ends.isEmpty ? nil : ends,
            scores: GateMeasure.totals(analysis).map {
                Self.score($0, analysis.totalBreakdowns($0.key), rule: analysis.checks[$0.key.code].map { "\($0.threshold)" })
            },
            probes: analysis.hasProbes ? analysis.probeCounts : nil,
            usage: analysis.usage.isEmpty ? nil : UsageSummary.all(analysis))
        rules = analysis.rules.isEmpty ? nil : analysis.rules
    }

    static func score(_ measure: GateMeasure, _ breakdowns: [Breakdown], rule: String? = nil) -> Score {
        let key = measure.key
        return Score(
            code: key.code, title: key.title, seat: key.seat.description, passes: measure.tally.passes,
            total: measure.tally.total, rate: measure.tally.rate, interval: measure.tally.interval,
            smallSample: measure.tally.isSmallSample, rule: rule, statistics: measure.statistics, asked: measure.asked,
            failed: measure.failed, breakdowns: breakdowns.isEmpty ? nil : breakdowns)
    }
}
