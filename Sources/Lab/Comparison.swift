import Foundation
import LabCore
import Transcripts

/// Pass rates of several experiments side by side (`chatlab compare`): per check (code, title, seat) each
/// experiment's passes, total, rate and Wilson 95 % interval, and for every experiment after the first its difference
/// in pass rate against the first (in percentage points) with a two-sided two-proportion z test and Fisher's exact
/// test; with ``paired``, also an exact sign test over the runs the two share a seed with.
///
/// Significance is decided on Holm-adjusted p-values: for each experiment against the first, the p-values of all
/// its checks are one family (``MultipleTesting/holm(_:)``), so comparing many checks does not make a chance
/// difference look real. The adjusted test is Fisher's, or the sign test when paired.
///
/// Read from the report folders by ``ComparisonReader``.
public struct Comparison: Sendable {
    /// A check is marked significant when its Holm-adjusted p-value is below this.
    public static let alpha = 0.05

    /// One compared experiment.
    public struct Experiment: Sendable, Hashable {
        /// The report folder as given.
        public var folder: String
        /// The experiment's name (from `experiment.json`).
        public var name: String
        /// The column-group label: the name, or the folder's name when two experiments share a name.
        public var label: String
        public var seed: String
        public var runs: Int
        public var rounds: Int
        public var started: String?
        /// Pooled passes and totals per check, in the summary's order.
        public var scores: [(key: SeriesKey, tally: Tally)]
        /// What gates judge per check (`--fail-on`): the tallies, failed turns and statistics of `summary.json`.
        public var measures: [GateMeasure] = []
        /// The seats under test (from `experiment.json`; empty in folders that do not say).
        public var underTest: [Seat] = []
        /// How the conversations ended, by reason (`summary.json`'s `total.ends`).
        public var ends: [String: Int] = [:]
        /// The rule each check had in force (`summary.json`'s `rule`; absent in older folders).
        public var rules: [SeriesKey: String] = [:]
        /// The probes drawn, as sorted `code set` lines over all runs (empty without probes).
        public var drawnProbes: [String] = []
        /// Each run's seed and per-check tallies (`runs/run-<k>.json`), read for paired comparisons.
        public var runTallies: [RunTallies] = []

        public static func == (lhs: Experiment, rhs: Experiment) -> Bool {
            lhs.folder == rhs.folder && lhs.label == rhs.label
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(folder) }

        public func tally(_ key: SeriesKey) -> Tally? { scores.first { $0.key == key }?.tally }
    }

    /// One run's seed and tallies, for pairing runs across experiments.
    public struct RunTallies: Sendable, Hashable {
        public var run: Int
        public var seed: String
        public var tallies: [SeriesKey: Tally]

        public init(run: Int, seed: String, tallies: [SeriesKey: Tally]) {
            self.run = run
            self.seed = seed
            self.tallies = tallies
        }
    }

    /// The sign test over runs that share a seed: in how many pairs this experiment's run had the higher pass rate
    /// (`higher`), the lower (`lower`), or the same (`ties`, left out of the test).
    public struct Paired: Sendable, Hashable {
        public var higher: Int
        public var lower: Int
        public var ties: Int
        public var p: Double?

        public var pairs: Int { higher + lower + ties }
        /// `5+ 1− 2=`.
        public var text: String { "\(higher)+ \(lower)− \(ties)=" }
    }

    /// One experiment against the first on one check.
    public struct Difference: Sendable, Hashable {
        /// This rate minus the first experiment's rate, as a fraction (shown as percentage points); `nil` when either
        /// has no verdicts.
        public var rate: Double?
        public var zTest: Double?
        public var fisher: Double?
        /// The sign test over seed-paired runs, when the comparison is paired.
        public var paired: Paired?
        /// The Holm-adjusted p-value of the test that decides (Fisher's, or the sign test when paired).
        public var adjusted: Double?
        /// The adjusted p-value is below ``Comparison/alpha``.
        public var significant: Bool { (adjusted ?? 1) < Comparison.alpha }
    }

    /// One check across the experiments.
    public struct Row: Sendable, Hashable {
        public var key: SeriesKey
        /// One per experiment; `nil` when the experiment has no such check.
        public var tallies: [Tally?]
        /// One per experiment; the first is always `nil` (it is the reference).
        public var differences: [Difference?]
    }

    public var experiments: [Experiment]
    public var rows: [Row]
    /// Runs were paired by seed and tested with the sign test.
    public var paired: Bool

    /// True when checks of more than one seat are compared, so labels name the seat.
    public var showsSeat: Bool { Set(rows.map(\.key.seat)).count > 1 }

    public init(experiments: [Experiment], paired: Bool = false) {
        self.experiments = experiments
        self.paired = paired
        var keys: [SeriesKey] = []
        for experiment in experiments {
            for (key, _) in experiment.scores where !keys.contains(key) { keys.append(key) }
        }
        var rows = keys.map { key in
            let tallies = experiments.map { $0.tally(key) }
            let differences = tallies.enumerated().map { index, tally -> Difference? in
                guard index > 0 else { return nil }
                guard let first = tallies[0], let tally else { return Difference() }
                let rate = first.rate.flatMap { base in tally.rate.map { $0 - base } }
                return Difference(
                    rate: rate, zTest: ProportionTests.zTest(first, tally), fisher: ProportionTests.fisherExact(first, tally),
                    paired: paired ? Self.pair(key, experiments[0], experiments[index]) : nil)
            }
            return Row(key: key, tallies: tallies, differences: differences)
        }
        // Holm across the checks, separately for each experiment against the first.
        for index in experiments.indices.dropFirst() {
            let raw = rows.map { row in row.differences[index].flatMap { paired ? $0.paired?.p : $0.fisher } }
            for (offset, adjusted) in MultipleTesting.holm(raw).enumerated() {
                rows[offset].differences[index]?.adjusted = adjusted
            }
        }
        self.rows = rows
    }

    /// The sign test of `other` against `reference` on one check over their runs with the same seed.
    static func pair(_ key: SeriesKey, _ reference: Experiment, _ other: Experiment) -> Paired {
        var result = Paired(higher: 0, lower: 0, ties: 0, p: nil)
        for run in other.runTallies {
            guard let base = reference.runTallies.first(where: { $0.seed == run.seed }),
                let a = base.tallies[key]?.rate, let b = run.tallies[key]?.rate
            else { continue }
            if b > a { result.higher += 1 } else if b < a { result.lower += 1 } else { result.ties += 1 }
        }
        result.p = SignTest.pValue(positive: result.higher, negative: result.lower)
        return result
    }

    /// How many runs of `other` share a seed with a run of the first experiment.
    public func sharedSeeds(_ other: Int) -> Int {
        let seeds = Set(experiments[0].runTallies.map(\.seed))
        return experiments[other].runTallies.filter { seeds.contains($0.seed) }.count
    }

    /// `ML-A6` or `ML-A6 (chatter2)` when seats are shown.
    public func code(_ key: SeriesKey) -> String {
        showsSeat ? "\(key.code) (\(key.seat))" : key.code
    }

    /// Reads every folder (see ``ComparisonReader``).
    /// - Throws: ``LabError/missingFile(path:hint:)`` for a folder without `summary.json`,
    ///   ``ComparisonError`` for a file that is not a summary, or for `paired` when no runs share a seed.
    public static func load(folders: [String], paired: Bool = false) throws -> Comparison {
        var experiments = try folders.map { try ComparisonReader.read($0, runs: paired) }
        let names = experiments.map(\.name)
        for index in experiments.indices where names.filter({ $0 == names[index] }).count > 1 {
            experiments[index].label = URL(fileURLWithPath: experiments[index].folder).standardizedFileURL
                .lastPathComponent
        }
        // Still the same (e.g. the same folder twice): number them.
        let labels = experiments.map(\.label)
        for index in experiments.indices where labels.filter({ $0 == labels[index] }).count > 1 {
            experiments[index].label += " #\(index + 1)"
        }
        let comparison = Comparison(experiments: experiments, paired: paired)
        if paired {
            for index in experiments.indices.dropFirst() where comparison.sharedSeeds(index) == 0 {
                throw ComparisonError.nothingToPair(
                    first: experiments[0].folder, other: experiments[index].folder)
            }
        }
        return comparison
    }
}

/// Why `chatlab compare` could not read or pair report folders.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    case notASummary(path: String, reason: String)
    case nothingToPair(first: String, other: String)

    public var description: String {
        switch self {
        case .notASummary(let path, let reason):
            return "\(path): error: not a ChatLab summary (\(reason)). Give report folders written by 'chatlab run'."
        case .nothingToPair(let first, let other):
            return "\(other): error: no run shares a seed with a run of \(first), so --paired has nothing to pair. "
                + "Run both experiments with the same seed (--seed), or compare without --paired."
        }
    }
}
