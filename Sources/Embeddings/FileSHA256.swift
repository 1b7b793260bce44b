import Digest
import Foundation

/// Size and SHA-256 of files on disk.
public enum FileSHA256 {
    /// The file's size in bytes, or nil when there is no regular file at `path`.
    public static func size(of path: String) -> Int? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber
        else { return nil }
        return size.intValue
    }

    /// The file's SHA-256 as 64 lower-case hex digits, read in 4 MiB chunks.
    public static func hex(of path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EmbeddingError.badModelFile(path: path, reason: "cannot be read")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalizeHex()
    }
}
