import Foundation

/// Reads a pipe to its end on a background thread, so a child process never blocks on a full pipe while the test
/// reads its other output; the test can wait for the end, or for the first line that matches a pattern.
///
/// `@unchecked Sendable`: `data` and `ended` are guarded by `condition`.
final class BackgroundRead: @unchecked Sendable {
    private let condition = NSCondition()
    private var data = Data()
    private var ended = false

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                condition.withLock {
                    if chunk.isEmpty { ended = true } else { data.append(chunk) }
                    condition.broadcast()
                }
                if chunk.isEmpty { break }
            }
        }
    }

    /// Everything the pipe delivered, once it is closed.
    func wait() -> Data {
        condition.withLock {
            while !ended { condition.wait() }
            return data
        }
    }

    /// What the pipe delivered once it is closed, or after `seconds`, whichever comes first.
    func wait(upTo seconds: TimeInterval) -> Data {
        let deadline = Date().addingTimeInterval(seconds)
        return condition.withLock {
            while !ended, condition.wait(until: deadline) {}
            return data
        }
    }

    /// The first complete line (without its newline) matching the regular expression `pattern`, as soon as it
    /// arrives; `nil` when the pipe closes or `timeout` seconds pass first.
    func firstLine(matching pattern: String, timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        return condition.withLock {
            while true {
                let text = String(decoding: data, as: UTF8.self)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                // The last piece is a line only once the pipe has closed; before, more of it may come.
                if let line = lines.dropLast(ended ? 0 : 1).first(where: { $0.range(of: pattern, options: .regularExpression) != nil }) {
                    return String(line)
                }
                if ended || !condition.wait(until: deadline) { return nil }
            }
        }
    }
}
