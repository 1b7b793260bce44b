import Foundation
import LabCore

/// The layout of one experiment's report folder:
///
///     <out>/<name>-<yyyyMMdd-HHmmss>/
///       config.yaml          the configuration exactly as given
///       experiment.json      seed, runs, rounds, chatters, tool version, start and end time
///       probes.json          the test sets the probes use (when the config has probes)
///       probes/run-<k>.json  the run's probe plan
///       transcripts/run-<k>.jsonl              a line per turn, appended as it happens
///       transcripts/run-<k>.conversation.json  the conversation's record, written as it ends
///       runs/run-<k>.json                     the run's scores and statistics (for machines)
///       report.xlsx  summary.xlsx  summary.json
public struct ReportFolder: Sendable, Hashable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public var config: String { "\(path)/config.yaml" }
    public var experiment: String { "\(path)/experiment.json" }
    public var transcripts: String { "\(path)/transcripts" }
    public var probes: String { "\(path)/probes.json" }
    /// One probe plan a run: `probes/run-<k>.json`.
    public var probePlans: String { "\(path)/probes" }
    public var runWorkbook: String { "\(path)/report.xlsx" }
    public var summaryWorkbook: String { "\(path)/summary.xlsx" }
    public var summaryJSON: String { "\(path)/summary.json" }

    /// Per-run score files, so `summary.json` stays the same size however many runs there are.
    public var runScores: String { "\(path)/runs" }

    public func transcript(run: Int) -> String { "\(transcripts)/run-\(run).jsonl" }
    public func conversationRecord(run: Int) -> String { "\(transcripts)/run-\(run).conversation.json" }
    public func scores(run: Int) -> String { "\(runScores)/run-\(run).json" }
    public func probePlan(run: Int) -> String { "\(probePlans)/run-\(run).json" }

    /// Creates a new folder `<parent>/<name>-<timestamp>` (with a suffix if it exists) and points
    /// `<parent>/<name>-latest` at it.
    public static func create(parent: String, name: String, date: Date) throws -> ReportFolder {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = "\(name)-\(formatter.string(from: date))"
        let manager = FileManager.default
        var folderName = stem
        var attempt = 1
        while manager.fileExists(atPath: "\(parent)/\(folderName)") {
            attempt += 1
            folderName = "\(stem)-\(attempt)"
        }
        let folder = ReportFolder(path: "\(parent)/\(folderName)")
        try folder.createDirectories()
        let latest = "\(parent)/\(name)-latest"
        try? manager.removeItem(atPath: latest)
        try? manager.createSymbolicLink(atPath: latest, withDestinationPath: folderName)
        return folder
    }

    /// Creates the folder and its transcripts and runs folders if missing.
    public func createDirectories() throws {
        do {
            try FileManager.default.createDirectory(atPath: transcripts, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: runScores, withIntermediateDirectories: true)
        } catch {
            throw LabError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Numbers of the runs that have a transcript file, ascending.
    public func transcriptRuns() -> [Int] { runs(withSuffix: ".jsonl") }

    /// Numbers of the runs whose conversation ended and was recorded, ascending.
    public func recordedRuns() -> [Int] { runs(withSuffix: ".conversation.json") }

    private func runs(withSuffix suffix: String) -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: transcripts)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("run-"), name.hasSuffix(suffix) else { return nil }
            return Int(name.dropFirst(4).dropLast(suffix.count))
        }.sorted()
    }

    /// Writes a conversation's record (atomically), which marks its run as complete.
    public func write(_ record: ConversationRecord) throws {
        try RecordFile.write(record, to: conversationRecord(run: record.run))
    }

    /// A run's conversation record; `nil` for a run still going, or a folder written before records existed.
    public func conversation(run: Int) throws -> ConversationRecord? {
        try RecordFile.read(ConversationRecord.self, from: conversationRecord(run: run), what: "a conversation record")
    }
}
