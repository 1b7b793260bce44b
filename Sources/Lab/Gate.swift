import LabCore
import LabYAML

/// One limit of a threshold held against what was measured.
public struct GateResult: Sendable, Hashable {
    /// The check (code, title, seat) the limit applies to; `nil` for the rule that the bot under test answered.
    public var key: SeriesKey?
    /// The limit in words: `pass rate >= 0.9`, `p95 <= 2.5 s`, `answered at least one turn`.
    public var limit: String
    /// What was measured, in words: `0.75 (3 of 4)`, `3.1 s`, `nothing measured`.
    public var measured: String
    public var passed: Bool

    public init(key: SeriesKey?, limit: String, measured: String, passed: Bool) {
        self.key = key
        self.limit = limit
        self.measured = measured
        self.passed = passed
    }

    /// One sentence for a JUnit failure or a terminal line.
    public var reason: String { "\(limit) missed: \(measured)" }
}

/// Thresholds held against an experiment's numbers: the verdict of a CI gate.
///
/// Besides the thresholds, one rule always applies (``silentBot(_:)``): a run whose bot under test answered none of
/// its turns fails, naming why its conversations ended (the circuit breaker's reason).
public struct Gate: Sendable, Hashable {
    /// What was judged: the experiment's name, or `<name> run <k>`.
    public var name: String
    /// Every check measured, in report order (each is a JUnit test case, whether or not a threshold names it).
    public var checks: [SeriesKey]
    public var results: [GateResult]

    public init(name: String, checks: [SeriesKey], results: [GateResult]) {
        self.name = name
        self.checks = checks
        self.results = results
    }

    /// Holds `thresholds` against `measures` (a threshold applies to every seat its code is scored for).
    public init(name: String, thresholds: [Threshold], measures: [GateMeasure], extra: [GateResult] = []) {
        var results: [GateResult] = []
        for measure in measures {
            for threshold in thresholds where threshold.code == measure.key.code {
                results += Gate.judge(threshold, measure)
            }
        }
        self.init(name: name, checks: measures.map(\.key), results: results + extra)
    }

    public var missed: [GateResult] { results.filter { !$0.passed } }
    public var passed: Bool { missed.isEmpty }

    /// The failures of one check (`nil`: the rule that the bot answered).
    public func missed(_ key: SeriesKey?) -> [GateResult] { missed.filter { $0.key == key } }

    static func judge(_ threshold: Threshold, _ measure: GateMeasure) -> [GateResult] {
        var results: [GateResult] = []
        if let minimum = threshold.minPassRate {
            let rate = measure.tally.rate
            results.append(GateResult(
                key: measure.key, limit: "pass rate >= \(CheckThreshold.number(minimum))",
                measured: rate.map { "\(Self.rounded($0)) (\(measure.tally.passes) of \(measure.tally.total))" }
                    ?? "no verdicts",
                passed: rate.map { $0 >= minimum } ?? false))
        }
        if let maximum = threshold.maxErrorRate {
            let rate = measure.errorRate
            results.append(GateResult(
                key: measure.key, limit: "error rate <= \(CheckThreshold.number(maximum))",
                measured: rate.map { "\(Self.rounded($0)) (\(measure.failed) of \(measure.asked) turns failed)" }
                    ?? "no turns",
                passed: rate.map { $0 <= maximum } ?? false))
        }
        for (percentile, maximum) in threshold.maxLatency.sorted(by: { $0.key < $1.key }) {
            let value = measure.statistics[percentile.statistic]
            results.append(GateResult(
                key: measure.key, limit: "\(percentile.rawValue) <= \(CheckThreshold.number(maximum)) s",
                measured: value.map { "\(Self.rounded($0)) s" } ?? "no response times",
                passed: value.map { $0 <= maximum } ?? false))
        }
        return results
    }

    /// The rule every run obeys: each seat under test that was asked answered at least once. Fails naming the
    /// seat's first error and why its conversations ended.
    public static func silentBot(_ analysis: Analysis) -> [GateResult] {
        silentBot(
            underTest: analysis.experiment.underTest, runs: analysis.runs, firstErrors: analysis.firstErrors,
            conversations: analysis.conversations)
    }

    /// ``silentBot(_:)`` over some runs (one, for a gate per run).
    public static func silentBot(
        underTest: [Seat], runs: [RunAnalysis], firstErrors: [Seat: TurnError] = [:],
        conversations: ConversationTotals = ConversationTotals()
    ) -> [GateResult] {
        underTest.compactMap { seat in
            let asked = runs.reduce(0) { $0 + ($1.counts.askedBySeat[seat] ?? 0) }
            let answered = runs.reduce(0) { $0 + ($1.counts.answeredBySeat[seat] ?? 0) }
            guard asked > 0 else { return nil }
            var measured = "answered \(answered) of \(asked) turns"
            if answered == 0 {
                if let error = firstErrors[seat] { measured += "; first error: \(Excerpt.of(error.description, limit: 200))" }
                let ends = conversations.firstEnds.filter { $0.key != .roundsDone }
                    .sorted { $0.key.rawValue < $1.key.rawValue }
                    .map { "\($0.value) (\(conversations.ends[$0.key] ?? 0) conversations)" }
                if !ends.isEmpty { measured += "; ended: " + ends.joined(separator: ", ") }
            }
            return GateResult(
                key: nil, limit: "\(seat) (under test) answers at least one turn", measured: measured,
                passed: answered > 0)
        }
    }

    static func rounded(_ value: Double) -> String {
        CheckThreshold.number((value * 1000).rounded() / 1000)
    }
}
