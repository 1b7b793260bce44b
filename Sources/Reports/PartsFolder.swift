import Foundation

/// A private folder for libxlsxwriter's temporary files.
///
/// libxlsxwriter writes each sheet's rows (in constant-memory mode) to a temporary file as they come, and at close
/// writes every part of the package to another temporary file before zipping it. Its default place, the system's
/// temporary folder, is shared with everything else on the machine, and on a disk-backed /tmp creating and deleting
/// thousands of files there is slow (ext4 searches past recently deleted inodes). So a workbook keeps its sheets' rows
/// in a fresh folder beside the output file (``beside(_:)``: on disk, so memory stays flat), and packs its parts one
/// at a time through a folder in /dev/shm (``forPacking(needing:)``: at most one part, the largest sheet's XML, in
/// memory), or beside the output file when /dev/shm lacks the room. The files in either folder are unlinked as soon as they are opened, so ``remove()`` only removes the folder.
///
/// Both names carry the process id (`.<file>.parts-<pid>-<random>`, `/dev/shm/chatlab-xlsx.parts-<pid>-<random>`), so
/// the folders a killed process left can be told from those of a live one: ``forPacking(needing:)`` removes the
/// /dev/shm folders of dead processes, and `chatlab run --resume` and `analyze` remove those in the report folder they lock
/// (see ``Workbook/leftoverOwner(_:)``).
final class PartsFolder {
    /// The folder's path.
    let path: String
    private var removed = false

    private init?(path: String) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            return nil
        }
    }

    /// `.<file name>.parts-<random>` beside the workbook, or `nil` when it cannot be made (libxlsxwriter then uses
    /// the system's temporary folder).
    static func beside(_ workbookPath: String) -> PartsFolder? {
        let url = URL(fileURLWithPath: workbookPath)
        return PartsFolder(
            path: url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(suffix())").path)
    }

    /// A folder in /dev/shm for packing the parts at close, or `nil` where there is no writable /dev/shm or it has
    /// less than `bytes` free (a container's is often small): the parts are then packed through the folder beside
    /// the workbook.
    static func forPacking(needing bytes: Int) -> PartsFolder? {
        guard access(packingParent, W_OK) == 0 else { return nil }
        var status = statvfs()
        guard statvfs(packingParent, &status) == 0, Int(status.f_bavail) * Int(status.f_frsize) >= bytes else {
            return nil
        }
        removeStalePackingFolders()
        return PartsFolder(path: "\(packingParent)/\(packingPrefix)\(suffix())")
    }

    static let packingParent = "/dev/shm"
    static let packingPrefix = "chatlab-xlsx."

    private static func suffix() -> String { "parts-\(getpid())-\(UUID().uuidString.prefix(8))" }

    /// The process id in a parts folder's name (`...parts-<pid>-<random>`); 0 for a folder named by an earlier
    /// version (`...parts-<random>`, no pid); `nil` for a name that is not a parts folder's.
    static func owner(_ name: String) -> Int32? {
        guard let marker = name.range(of: ".parts-", options: .backwards) else { return nil }
        let words = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        switch words.count {
        case 1 where words[0].count == 8 && words[0].allSatisfy(\.isHexDigit): return 0
        case 2 where !words[1].isEmpty && words[1].allSatisfy(\.isHexDigit): return Int32(words[0])
        default: return nil
        }
    }

    /// Removes the packing folders in /dev/shm that processes which have ended left (killed while closing a
    /// workbook): /dev/shm is memory, and nothing else would ever free it.
    private static func removeStalePackingFolders() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: packingParent) else { return }
        for name in names where name.hasPrefix(packingPrefix) {
            guard let pid = owner(name), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: "\(packingParent)/\(name)")
        }
    }

    deinit { remove() }

    /// A `malloc`ed C copy of the path, for libxlsxwriter's options (which it frees with the workbook).
    func cPath() -> UnsafeMutablePointer<CChar>? { strdup(path) }

    /// Removes the folder (once; later calls do nothing).
    func remove() {
        guard !removed else { return }
        removed = true
        try? FileManager.default.removeItem(atPath: path)
    }
}
