import Foundation

extension ReportFolder {
    /// Empties the report folder at `path` for a new run (`run --report-dir DIR --force`), holding its lock while it
    /// removes what is in it. A missing or empty folder is left as it is.
    ///
    /// Only a folder ChatLab wrote is cleared: one with `experiment.json` or `config.yaml` beside `transcripts/`. Any
    /// other folder with files is refused, so a mistyped path never deletes someone's files.
    /// - Throws: ``LabError/notAReportFolder(path:)`` for a folder with files that ChatLab did not write;
    ///   ``LabError/folderInUse(path:pid:)`` when another process holds it; ``LabError/cannotWrite(path:reason:)``.
    public static func clear(path: String) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw LabError.cannotWrite(path: path, reason: "it is a file, not a folder") }
        let folder = ReportFolder(path: path)
        let names = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { $0 != FolderLock.fileName }
        guard !names.isEmpty else { return }
        let isReport = (manager.fileExists(atPath: folder.experiment) || manager.fileExists(atPath: folder.config))
            && manager.fileExists(atPath: folder.transcripts)
        guard isReport else { throw LabError.notAReportFolder(path: path) }
        let lock = try folder.lock()
        defer { withExtendedLifetime(lock) {} }
        for name in names {
            do {
                try manager.removeItem(atPath: "\(path)/\(name)")
            } catch {
                throw LabError.cannotWrite(path: "\(path)/\(name)", reason: error.localizedDescription)
            }
        }
    }
}
