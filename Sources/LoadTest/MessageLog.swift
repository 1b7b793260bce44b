import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Appends each message of a load test to a JSON Lines file the moment it finishes (one object a line, in finishing
/// order), so a run of any length keeps no message in memory and a run that is stopped keeps what it measured.
///
/// Writing never stops the run: the first I/O error is kept, later messages are not written, and ``close()`` throws
/// that error so the command ends non-zero with the real reason.
public final class MessageLog: Sendable {
    public let path: String
    private let state: Mutex<State>

    private struct State {
        var handle: FileHandle?
        var failure: (any Error)?
    }

    /// Creates (or empties) the file at `path`.
    public init(path: String) throws {
        self.path = path
        // Opened in place (not written to a temporary name and renamed): the log grows while the run goes on.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LoadError(path, "cannot be created: \(String(cString: strerror(errno)))",
                            fix: "Check that its folder exists and is writable.")
        }
        state = Mutex(State(handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)))
    }

    public func append(_ message: LoadMessage) {
        let line = message.jsonLine()
        state.withLock { state in
            guard let handle = state.handle, state.failure == nil else { return }
            do {
                try handle.write(contentsOf: line)
            } catch {
                state.failure = error
            }
        }
    }

    /// Flushes and closes the file; throws the first error any write met.
    public func close() throws {
        let failure: (any Error)? = state.withLock { state in
            do {
                try state.handle?.synchronize()
                try state.handle?.close()
            } catch {
                if state.failure == nil { state.failure = error }
            }
            state.handle = nil
            return state.failure
        }
        if let failure { throw LoadError(path, "could not be written: \(failure)", fix: "Free disk space or choose another --out.") }
    }

    /// Reads a log back (for tests and merges); a line that does not parse is an error naming it.
    public static func read(_ path: String) throws -> [LoadMessage] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").enumerated().map { number, line in
            do {
                return try decoder.decode(LoadMessage.self, from: Data(line.utf8))
            } catch {
                throw LoadError("\(path):\(number + 1)", "is not a message line: \(error)", fix: "Use a messages.jsonl written by chatlab load.")
            }
        }
    }
}
