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
///       .lock                the lock of the process writing the folder (see ``FolderLock``)
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

    /// Creates a new folder `<parent>/<name>-<timestamp>`, locks it, and points `<parent>/<name>-latest` at it.
    ///
    /// The folder is made with `mkdir`, which fails when the name exists: two runs started in the same second get
    /// `<stem>` and `<stem>-2` (and so on), never the same folder. `-latest` is only ever a symbolic link ChatLab made:
    /// it is replaced atomically, and a real file or folder of that name is left alone (with a warning).
    /// - Returns: the folder, its lock (hold it while writing), and warnings worth showing the user.
    /// - Throws: ``LabError/cannotWrite(path:reason:)`` with the system's reason.
    public static func create(
        parent: String, name: String, date: Date
    ) throws -> (folder: ReportFolder, lock: FolderLock, warnings: [String]) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = "\(name)-\(formatter.string(from: date))"
        try makeParent(parent)
        var attempt = 1
        var folderName = stem
        while mkdir("\(parent)/\(folderName)", 0o755) != 0 {
            let code = errno
            guard code == EEXIST else {
                throw LabError.cannotWrite(path: "\(parent)/\(folderName)", reason: String(cString: strerror(code)))
            }
            attempt += 1
            folderName = "\(stem)-\(attempt)"
        }
        let folder = ReportFolder(path: "\(parent)/\(folderName)")
        let lock = try FolderLock(folder: folder.path)
        try folder.createDirectories()
        let warning = pointLatest(parent: parent, name: name, at: folderName)
        return (folder, lock, warning.map { [$0] } ?? [])
    }

    /// Takes `path` as the folder of a new run (`--report-dir`): creates it, or takes an existing empty one, and
    /// locks it. With `clearing` (`--force`) an existing folder ChatLab wrote is emptied first — after it is locked,
    /// so the lock is held from before the first file is removed until the run's reports are written.
    /// - Throws: ``LabError/folderNotEmpty(path:)`` for a folder that has files (without `clearing`);
    ///   ``LabError/notAReportFolder(path:)`` for one ChatLab did not write (with `clearing`);
    ///   ``LabError/folderInUse(path:pid:)`` when another process holds it; ``LabError/cannotWrite(path:reason:)``.
    public static func claim(path: String, clearing: Bool = false) throws -> (folder: ReportFolder, lock: FolderLock) {
        let folder = ReportFolder(path: path)
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try makeParent(parent)
        let created = mkdir(path, 0o755) == 0
        if !created {
            let code = errno
            guard code == EEXIST else { throw LabError.cannotWrite(path: path, reason: String(cString: strerror(code))) }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                throw LabError.cannotWrite(path: path, reason: "it is a file, not a folder")
            }
            // Checked before the lock file is made (nothing is left in a folder that is refused) and again after.
            if clearing { try checkClearable(path: path) } else { try folder.requireEmpty() }
        }
        let lock = try FolderLock(folder: path)
        if !created {
            if clearing {
                try checkClearable(path: path)
                try removeContents(path: path)
            }
            try folder.requireEmpty()
        }
        try folder.createDirectories()
        return (folder, lock)
    }

    /// Locks this existing folder for writing (`run --resume`, `analyze`).
    /// - Throws: ``LabError/folderInUse(path:pid:)`` when another process holds it; ``LabError/notAReportFolder(path:)``
    ///   when there is no such folder.
    public func lock() throws -> FolderLock {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw LabError.notAReportFolder(path: path)
        }
        return try FolderLock(folder: path)
    }

    private func requireEmpty() throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw LabError.cannotWrite(path: path, reason: Self.reason(error))
        }
        guard names.allSatisfy({ $0 == FolderLock.fileName }) else { throw LabError.folderNotEmpty(path: path) }
    }

    private static func makeParent(_ parent: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw LabError.cannotWrite(path: parent, reason: Self.reason(error))
        }
    }

    /// Points `<parent>/<name>-latest` at `folderName`: a new link is made under a temporary name and renamed over
    /// the old link, so the name always leads to a complete folder. Returns a warning instead when something other
    /// than a symbolic link has the name (it is never removed) or the link cannot be made.
    static func pointLatest(parent: String, name: String, at folderName: String) -> String? {
        let latest = "\(parent)/\(name)-latest"
        var status = stat()
        if lstat(latest, &status) == 0, status.st_mode & S_IFMT != S_IFLNK {
            return "\(latest) is a real \(status.st_mode & S_IFMT == S_IFDIR ? "folder" : "file"), not the symbolic "
                + "link ChatLab keeps there: it is left as it is and does not point at \(folderName)"
        }
        let temporary = "\(parent)/.\(name)-latest.tmp-\(getpid())"
        unlink(temporary)
        guard symlink(folderName, temporary) == 0, rename(temporary, latest) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot point \(latest) at \(folderName): \(reason)"
        }
        return nil
    }

    /// The system's reason inside a Foundation error (e.g. "No space left on device"), else its description.
    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }

    /// Creates the folder and its transcripts and runs folders if missing.
    public func createDirectories() throws {
        do {
            try FileManager.default.createDirectory(atPath: transcripts, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: runScores, withIntermediateDirectories: true)
        } catch {
            throw LabError.cannotWrite(path: path, reason: Self.reason(error))
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
