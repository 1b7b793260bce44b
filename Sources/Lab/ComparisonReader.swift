import Foundation
import LabCore
import Transcripts

/// Reads one report folder for ``Comparison``: `summary.json` (`total.scores`, the rules in force, end reasons),
/// `experiment.json` (name, seed, seats under test), the probe plans (which sets were drawn) and, for paired
/// comparisons, `runs/run-<k>.json` (each run's seed and tallies).
enum ComparisonReader {
    private struct Score: Decodable {
        var code: String
        var title: String
        var seat: String
        var passes: Int
        var total: Int
        var statistics: [String: Double]?
        /// Absent in folders written before gates.
        var asked: Int?
        var failed: Int?
        /// Absent in folders written before the rule was recorded.
        var rule: String?
    }

    private struct Summary: Decodable {
        struct Total: Decodable {
            var scores: [Score]
            var ends: [String: Int]?
        }
        var experiment: Info?
        var total: Total
    }

    private struct Info: Decodable {
        var name: String?
        var seed: UInt64?
        var runs: Int?
        var rounds: Int?
        var started: String?
        var underTest: [Int]?
    }

    private struct RunFile: Decodable {
        var run: Int
        var seed: String
        var scores: [Score]
    }

    static func read(_ folder: String, runs readRuns: Bool) throws -> Comparison.Experiment {
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
            let decoded = try? JSONDecoder().decode(Info.self, from: record)
        {
            info = decoded
        }
        var scores: [(key: SeriesKey, tally: Tally)] = []
        var measures: [GateMeasure] = []
        var rules: [SeriesKey: String] = [:]
        for score in summary.total.scores {
            let key = try key(score, path: report.summaryJSON)
            guard !scores.contains(where: { $0.key == key }) else { continue }
            let tally = Tally(passes: score.passes, total: score.total)
            scores.append((key, tally))
            rules[key] = score.rule
            measures.append(GateMeasure(
                key: key, tally: tally, asked: score.asked ?? 0, failed: score.failed ?? 0,
                statistics: score.statistics ?? [:]))
        }
        let name = info?.name ?? URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        var experiment = Comparison.Experiment(
            folder: folder, name: name, label: name, seed: info?.seed.map(String.init) ?? "", runs: info?.runs ?? 0,
            rounds: info?.rounds ?? 0, started: info?.started, scores: scores, measures: measures)
        experiment.underTest = (info?.underTest ?? []).compactMap(Seat.init(rawValue:))
        experiment.ends = summary.total.ends ?? [:]
        experiment.rules = rules
        experiment.drawnProbes = try drawnProbes(report, runs: experiment.runs)
        if readRuns { experiment.runTallies = try runTallies(report, runs: experiment.runs) }
        return experiment
    }

    private static func key(_ score: Score, path: String) throws -> SeriesKey {
        guard let seat = Seat.allCases.first(where: { $0.description == score.seat }) else {
            throw ComparisonError.notASummary(path: path, reason: "unknown seat '\(score.seat)' for \(score.code)")
        }
        return SeriesKey(code: score.code, title: score.title, seat: seat)
    }

    /// `code set` per drawn probe over all runs, sorted; empty for an experiment without probes.
    private static func drawnProbes(_ report: ReportFolder, runs: Int) throws -> [String] {
        guard let record = try ProbeRecord.read(in: report), runs > 0 else { return [] }
        var drawn: [String] = []
        for run in 1...runs {
            guard let plan = try record.plan(run: run) else { continue }
            drawn += plan.probes.map { "\($0.code) \($0.set)" } + plan.unplaced.map { "\($0.code) \($0.set)" }
        }
        return drawn.sorted()
    }

    /// Each run's seed and tallies from `runs/run-<k>.json`; runs without a file are left out.
    private static func runTallies(_ report: ReportFolder, runs: Int) throws -> [Comparison.RunTallies] {
        guard runs > 0 else { return [] }
        return try (1...runs).compactMap { run in
            let path = report.scores(run: run)
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            let file: RunFile
            do {
                file = try JSONDecoder().decode(RunFile.self, from: data)
            } catch {
                throw ComparisonError.notASummary(path: path, reason: describe(error))
            }
            var tallies: [SeriesKey: Tally] = [:]
            for score in file.scores {
                tallies[try key(score, path: path)] = Tally(passes: score.passes, total: score.total)
            }
            return Comparison.RunTallies(run: file.run, seed: file.seed, tallies: tallies)
        }
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
