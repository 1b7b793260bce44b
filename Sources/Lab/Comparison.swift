import Foundation
import LabCore
import Transcripts

/// Pass rates of several experiments side by side (`chatlab compare`): per check (code, title, seat) each
/// experiment's passes, total and rate, and for every experiment after the first its difference in pass rate against
/// the first with a two-sided two-proportion z test and Fisher's exact test.
///
/// Read from the report folders' `summary.json` (`total.scores`) and `experiment.json` (the name).
public struct Comparison: Sendable {
    /// A check is marked significant when Fisher's exact p-value is below this.
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

        public static func == (lhs: Experiment, rhs: Experiment) -> Bool {
            lhs.folder == rhs.folder && lhs.label == rhs.label
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(folder) }

        public func tally(_ key: SeriesKey) -> Tally? { scores.first { $0.key == key }?.tally }
    }

    /// One experiment against the first on one check.
    public struct Difference: Sendable, Hashable {
        /// This rate minus the first experiment's rate; `nil` when either has no verdicts.
        public var rate: Double?
        public var zTest: Double?
        public var fisher: Double?
        /// Fisher's p-value is below ``Comparison/alpha``.
        public var significant: Bool { (fisher ?? 1) < Comparison.alpha }
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

    /// True when checks of more than one seat are compared, so labels name the seat.
    public var showsSeat: Bool { Set(rows.map(\.key.seat)).count > 1 }

    public init(experiments: [Experiment]) {
        self.experiments = experiments
        var keys: [SeriesKey] = []
        for experiment in experiments {
            for (key, _) in experiment.scores where !keys.contains(key) { keys.append(key) }
        }
        rows = keys.map { key in
            let tallies = experiments.map { $0.tally(key) }
            let differences = tallies.enumerated().map { index, tally -> Difference? in
                guard index > 0 else { return nil }
                guard let first = tallies[0], let tally else { return Difference() }
                let rate = first.rate.flatMap { base in tally.rate.map { $0 - base } }
                return Difference(
                    rate: rate, zTest: ProportionTests.zTest(first, tally), fisher: ProportionTests.fisherExact(first, tally))
            }
            return Row(key: key, tallies: tallies, differences: differences)
        }
    }

    /// `ML-A6` or `ML-A6 (chatter2)` when seats are shown.
    public func code(_ key: SeriesKey) -> String {
        showsSeat ? "\(key.code) (\(key.seat))" : key.code
    }

    /// Reads every folder's `summary.json` and `experiment.json`.
    /// - Throws: ``LabError/missingFile(path:hint:)`` for a folder without `summary.json`,
    ///   ``ComparisonError`` for a file that is not a summary.
    public static func load(folders: [String]) throws -> Comparison {
        var experiments = try folders.map(readExperiment)
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
        return Comparison(experiments: experiments)
    }

    // MARK: - Reading report folders

    private struct Summary: Decodable {
        struct Score: Decodable {
            var code: String
            var title: String
            var seat: String
            var passes: Int
            var total: Int
            var statistics: [String: Double]?
            /// Absent in folders written before gates.
            var asked: Int?
            var failed: Int?
        }
        struct Total: Decodable {
            var scores: [Score]
        }
        struct Info: Decodable {
            var name: String?
            var seed: UInt64?
            var runs: Int?
            var rounds: Int?
            var started: String?
        }
        var experiment: Info?
        var total: Total
    }

    private static func readExperiment(_ folder: String) throws -> Experiment {
        let report = ReportFolder(path: folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw LabError.missingFile(path: folder, hint: "Give report folders written by 'chatlab run'.")
        }
        guard let data = FileManager.default.contents(atPath: report.summaryJSON) else {
            throw LabError.missingFile(
                path: report.summaryJSON,
                hint: "Give report folders written by 'chatlab run' (or finish this one with 'chatlab analyze').")
        }
        let summary: Summary
        do {
            summary = try JSONDecoder().decode(Summary.self, from: data)
        } catch {
            throw ComparisonError.notASummary(path: report.summaryJSON, reason: describe(error))
        }
        // experiment.json names the experiment; the copy inside summary.json is the fallback.
        var info = summary.experiment
        if let record = FileManager.default.contents(atPath: report.experiment),
            let decoded = try? JSONDecoder().decode(Summary.Info.self, from: record)
        {
            info = decoded
        }
        var scores: [(key: SeriesKey, tally: Tally)] = []
        var measures: [GateMeasure] = []
        for score in summary.total.scores {
            guard let seat = Seat.allCases.first(where: { $0.description == score.seat }) else {
                throw ComparisonError.notASummary(
                    path: report.summaryJSON, reason: "unknown seat '\(score.seat)' for \(score.code)")
            }
            let key = SeriesKey(code: score.code, title: score.title, seat: seat)
            guard !scores.contains(where: { $0.key == key }) else { continue }
            scores.append((key, Tally(passes: score.passes, total: score.total)))
            measures.append(GateMeasure(
                key: key, tally: Tally(passes: score.passes, total: score.total), asked: score.asked ?? 0,
                failed: score.failed ?? 0, statistics: score.statistics ?? [:]))
        }
        let name = info?.name ?? URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        return Experiment(
            folder: folder, name: name, label: name, seed: info?.seed.map(String.init) ?? "", runs: info?.runs ?? 0,
            rounds: info?.rounds ?? 0, started: info?.started, scores: scores, measures: measures)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            return "missing '\(path)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type at '\(path)'"
        case DecodingError.dataCorrupted:
            return "not valid JSON"
        default:
            return "\(error)"
        }
    }
}

/// Why `chatlab compare` could not read a report folder.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    case notASummary(path: String, reason: String)

    public var description: String {
        switch self {
        case .notASummary(let path, let reason):
            return "\(path): error: not a ChatLab summary (\(reason)). Give report folders written by 'chatlab run'."
        }
    }
}
