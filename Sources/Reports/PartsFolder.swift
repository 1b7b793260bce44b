import Foundation

/// A private folder for libxlsxwriter's temporary files.
///
/// libxlsxwriter writes each sheet's rows (in constant-memory mode) to a temporary file as they come, and at close
/// writes every part of the package to another temporary file before zipping it. Its default place, the system's
/// temporary folder, is shared with everything else on the machine, and on a disk-backed /tmp creating and deleting
/// thousands of files there is slow (ext4 searches past recently deleted inodes). So a workbook keeps its sheets' rows
/// in a fresh folder beside the output file (``beside(_:)``: on disk, so memory stays flat), and packs its parts one
/// at a time through a folder in /dev/shm (``forPacking()``: at most one part, the largest sheet's XML, in memory).
/// The files in either folder are unlinked as soon as they are opened, so ``remove()`` only removes the folder.
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

    /// A folder in /dev/shm for packing the parts at close, or `nil` where there is no writable /dev/shm.
    static func forPacking() -> PartsFolder? {
        guard access("/dev/shm", W_OK) == 0 else { return nil }
        return PartsFolder(path: "/dev/shm/chatlab-xlsx.\(suffix())")
    }

    private static func suffix() -> String { "parts-\(UUID().uuidString.prefix(8))" }

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
