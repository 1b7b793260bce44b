import Foundation
import LabCore
import Transcripts

/// `analysis.json` in a folder `chatlab analyze` wrote reports into: which report folder's transcripts were scored
/// and with which `--set` overrides. Reports of the same analysis may be rewritten; reports of another (another
/// source folder or other overrides) are only replaced with `--force`. A folder with reports but no `analysis.json`
/// holds those its own `chatlab run` wrote: its source is itself, with no overrides.
struct AnalysisRecord: Codable, Equatable {
    static let fileName = "analysis.json"
    /// The effective config's file name beside the original `config.yaml`, written when there are overrides.
    static let effectiveConfig = "config.effective.yaml"

    /// The scored report folder, as an absolute path.
    var source: String
    var overrides: [String]

    /// The record of the reports in `folder`; `nil` when it holds none.
    static func read(in folder: ReportFolder) throws -> AnalysisRecord? {
        if let record = try RecordFile.read(AnalysisRecord.self, from: path(folder), what: "an analysis record") {
            return record
        }
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.summaryJSON) || manager.fileExists(atPath: folder.runWorkbook) else {
            return nil
        }
        return AnalysisRecord(source: absolute(folder.path), overrides: [])
    }

    static func path(_ folder: ReportFolder) -> String { "\(folder.path)/\(fileName)" }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The files of a previous analysis's reports in `folder` (with `--force`, removed before writing): workbooks,
    /// summaries, per-run numbers, the effective config and the record. Transcripts and the run's records stay.
    static func removeReports(in folder: ReportFolder) throws {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        var doomed = names.filter {
            $0.hasPrefix("report") && $0.hasSuffix(".xlsx") || [
                "summary.xlsx", "summary.json", "view.html", fileName, effectiveConfig,
            ].contains($0)
        }.map { "\(folder.path)/\($0)" }
        let runs = (try? manager.contentsOfDirectory(atPath: folder.runScores)) ?? []
        doomed += runs.filter { $0.hasPrefix("run-") && $0.hasSuffix(".json") }.map { "\(folder.runScores)/\($0)" }
        for path in doomed {
            do {
                try manager.removeItem(atPath: path)
            } catch {
                throw LabError.cannotWrite(path: path, reason: error.localizedDescription)
            }
        }
    }
}
