import Foundation

/// The layout of one experiment's report folder:
///
///     <out>/<name>-<yyyyMMdd-HHmmss>/
///       config.yaml          the configuration exactly as given
///       experiment.json      seed, runs, rounds, chatters, tool version, start and end time
///       probes.json          each run's probe plan and the test sets it uses (when the config has probes)
///       transcripts/run-<k>.jsonl
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
    public var runWorkbook: String { "\(path)/report.xlsx" }
    public var summaryWorkbook: String { "\(path)/summary.xlsx" }
    public var summaryJSON: String { "\(path)/summary.json" }

    public func transcript(run: Int) -> String { "\(transcripts)/run-\(run).jsonl" }

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

    /// Creates the folder and its transcripts folder if missing.
    public func createDirectories() throws {
        do {
            try FileManager.default.createDirectory(atPath: transcripts, withIntermediateDirectories: true)
        } catch {
            throw LabError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Numbers of the runs that have a transcript file, ascending.
    public func transcriptRuns() -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: transcripts)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("run-"), name.hasSuffix(".jsonl") else { return nil }
            return Int(name.dropFirst(4).dropLast(6))
        }.sorted()
    }
}
