import Foundation

extension ReportFolder {
    /// Checks, before anything is touched, that the folder at `path` may be cleared for a new run
    /// (`run --report-dir DIR --force`): it is empty, or ChatLab wrote it (`experiment.json` or `config.yaml` beside
    /// `transcripts/`). Any other folder with files is refused, so a mistyped path never deletes someone's files.
    /// - Throws: ``LabError/notAReportFolder(path:)``.
    static func checkClearable(path: String) throws {
        let manager = FileManager.default
        let folder = ReportFolder(path: path)
        let names = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { $0 != FolderLock.fileName }
        guard !names.isEmpty else { return }
        let isReport = (manager.fileExists(atPath: folder.experiment) || manager.fileExists(atPath: folder.config))
            && manager.fileExists(atPath: folder.transcripts)
        guard isReport else { throw LabError.notAReportFolder(path: path) }
    }

    /// Removes everything in the folder but its lock file. Call it holding the folder's lock (``claim(path:clearing:)``
    /// does), so no other process writes the folder between the clearing and the new run's first file.
    /// - Throws: ``LabError/cannotWrite(path:reason:)``.
    static func removeContents(path: String) throws {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter { $0 != FolderLock.fileName }
        for name in names {
            do {
                try manager.removeItem(atPath: "\(path)/\(name)")
            } catch {
                throw LabError.cannotWrite(path: "\(path)/\(name)", reason: error.localizedDescription)
            }
        }
    }
}
