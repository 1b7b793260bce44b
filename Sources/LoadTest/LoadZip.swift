import Foundation
import Transcripts
import ZIPFoundation

/// Packs a load test's output files into one zip (`--zip`, as the seed tool did), written to a temporary name and
/// renamed into place.
public enum LoadZip {
    /// Zips `files` (names inside `folder`) into `path`.
    ///
    /// - Throws: ``LoadError`` naming the zip when a file cannot be added.
    public static func write(files: [String], in folder: String, to path: String) throws {
        let temporary = AtomicFile.temporaryName(for: path)
        do {
            let archive = try Archive(url: URL(fileURLWithPath: temporary), accessMode: .create)
            for name in files {
                try archive.addEntry(with: name, relativeTo: URL(fileURLWithPath: folder), compressionMethod: .deflate)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw LoadError(path, "cannot be written: \(error)", fix: "Check the folder is writable and has room.")
        }
        try AtomicFile.rename(temporary, to: path)
    }
}
