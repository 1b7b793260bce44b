import Foundation

/// Writes a whole file or nothing: the bytes go to `.<name>.tmp-<pid>` in the same folder, are flushed to disk, and
/// the temporary file is renamed over the final name.
public enum AtomicFile {
    /// - Throws: ``LabError/cannotWrite(path:reason:)`` naming the system's reason (disk full, permission...).
    public static func write(_ data: Data, to path: String) throws {
        let temporary = temporaryName(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw LabError.cannotWrite(path: path, reason: Self.reason()) }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = Self.reason()
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = Self.reason() }
        if close(descriptor) != 0, failure == nil { failure = Self.reason() }
        if let failure {
            unlink(temporary)
            throw LabError.cannotWrite(path: path, reason: failure)
        }
        try rename(temporary, to: path)
    }

    /// The temporary name a file is written under before it is renamed to `path`: hidden, in the same folder (so
    /// the rename is atomic), and unique to this process.
    public static func temporaryName(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
    }

    /// The process id in a name made by ``temporaryName(for:)`` (`.<name>.tmp-<pid>`); `nil` for any other name.
    public static func owner(ofTemporary name: String) -> Int32? {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        return Int32(name[marker.upperBound...])
    }

    /// Renames a complete temporary file over `path`; on failure removes it and throws with the system's reason.
    public static func rename(_ temporary: String, to path: String) throws {
        guard Glibc.rename(temporary, path) == 0 else {
            let reason = Self.reason()
            unlink(temporary)
            throw LabError.cannotWrite(path: path, reason: reason)
        }
    }

    static func reason() -> String { String(cString: strerror(errno)) }
}
