import Foundation

/// Reads a pipe to its end on a background thread, so a child process never blocks on a full pipe while the test
/// reads its other output.
/// `@unchecked Sendable`: `data` is written only by the reading thread and read only after `done` signals.
final class BackgroundRead: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    /// Everything the pipe delivered, once it is closed.
    func wait() -> Data {
        done.wait()
        return data
    }
}
