import Foundation

/// Reads a pipe to its end on a background thread, so a child process never blocks on a full pipe while its other
/// output is being read.
///
/// `@unchecked Sendable`: `data` is guarded by `lock`.
public final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private let ended = DispatchSemaphore(value: 0)
    private var data = Data()

    public init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            ended.signal()
        }
    }

    /// Everything the pipe delivered, once it is closed.
    public func wait() -> Data {
        ended.wait()
        ended.signal()
        return lock.withLock { data }
    }

    /// What the pipe delivered once it is closed, or after `seconds`, whichever comes first.
    public func wait(upTo seconds: Double) -> Data {
        if ended.wait(timeout: .now() + seconds) == .success { ended.signal() }
        return lock.withLock { data }
    }
}
