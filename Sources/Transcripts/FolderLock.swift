import Foundation

/// An exclusive lock on a report folder, held while a process writes it (`run`, `run --resume`, `analyze`), so two
/// writers never mix their files: `flock` on `<folder>/.lock`, which also holds the holder's process id for the
/// message the next writer gets. The lock goes when this value is released or the process ends (however it ends);
/// the `.lock` file stays, empty of meaning once unlocked.
public final class FolderLock: @unchecked Sendable {
    // @unchecked: the descriptor is only closed in deinit.
    private let descriptor: Int32
    /// The locked folder.
    public let path: String

    /// The lock file's name inside a report folder.
    public static let fileName = ".lock"

    /// Locks `folder` (which must exist) without waiting, through the file `lockName` in it (another name locks
    /// something else in the same folder, e.g. a history database's scheduler).
    /// - Throws: ``LabError/folderInUse(path:pid:)`` when another process holds it;
    ///   ``LabError/cannotWrite(path:reason:)`` when the lock file cannot be made.
    public init(folder: String, lockName: String = FolderLock.fileName) throws {
        path = folder
        let file = "\(folder)/\(lockName)"
        let descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw LabError.cannotWrite(path: file, reason: String(cString: strerror(errno))) }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            let holder = code == EWOULDBLOCK ? Self.holder(descriptor) : nil
            close(descriptor)
            if code == EWOULDBLOCK { throw LabError.folderInUse(path: folder, pid: holder) }
            throw LabError.cannotWrite(path: file, reason: String(cString: strerror(code)))
        }
        self.descriptor = descriptor
        // The holder's pid, for the message a second writer gets; a failure here does not weaken the lock.
        let text = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 { _ = pwrite(descriptor, text, text.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The pid written in the lock file by its holder, if readable.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
