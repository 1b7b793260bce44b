import Foundation
import Reports
import Transcripts

/// The temporary files and folders a process killed while writing a report folder leaves in it: `.<name>.tmp-<pid>`
/// (a record or workbook being written, see ``AtomicFile``) and `.<name>.parts-<pid>-<random>` (a workbook's
/// temporary rows, see ``Workbook/leftoverOwner(_:)``), in the folder and in its `transcripts`, `runs` and `probes`
/// folders.
enum Leftovers {
    /// Removes the leftovers of every other process from `folder`. Call it holding the folder's lock
    /// (``FolderLock``): the lock shows no other process is writing the folder, so whatever another process left is
    /// stale, whether that process is gone or its pid was reused since.
    /// - Returns: the paths removed.
    @discardableResult
    static func remove(in folder: ReportFolder) -> [String] {
        let manager = FileManager.default
        var removed: [String] = []
        for place in [folder.path, folder.transcripts, folder.runScores, folder.probePlans] {
            for name in (try? manager.contentsOfDirectory(atPath: place)) ?? [] {
                guard let owner = AtomicFile.owner(ofTemporary: name) ?? Workbook.leftoverOwner(name),
                    owner != getpid()
                else { continue }
                let path = "\(place)/\(name)"
                if (try? manager.removeItem(atPath: path)) != nil { removed.append(path) }
            }
        }
        return removed
    }
}
