import Foundation
import LabCore

/// Appends turns to `transcripts/run-<k>.jsonl`, one JSON object a line, each written the moment it happens
/// with a single `write` call, so a killed process leaves every completed turn on disk.
public final class TranscriptWriter: @unchecked Sendable {
    // @unchecked: the file descriptor is only used by the one conversation that owns this writer.
    private let descriptor: Int32
    public let path: String

    /// Opens the file for appending; `replacing` empties it first (a run that starts again).
    public init(path: String, replacing: Bool = false) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | (replacing ? O_TRUNC : 0), 0o644)
        guard descriptor >= 0 else {
            throw LabError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    deinit { close(descriptor) }

    /// One turn as the transcript line ``append(_:)`` writes (JSON and a newline).
    public static func line(_ turn: Turn) throws -> Data {
        var data = try TranscriptCoding.encoder.encode(turn)
        data.append(0x0A)
        return data
    }

    /// Writes one turn as one line. A write that fails part way (a full disk) is undone: the file is cut back to
    /// where the line began, so it never ends in half a line, and the error names the system's reason.
    /// - Throws: ``LabError/cannotWrite(path:reason:)``.
    public func append(_ turn: Turn) throws {
        let data = try Self.line(turn)
        // Where this line begins: the file is only ever appended to, by this writer alone.
        let start = lseek(descriptor, 0, SEEK_END)
        var failure: Int32 = 0
        var offset = 0
        data.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    let code = errno  // read at once, before any other call can change it
                    if code == EINTR { continue }
                    failure = code
                    return
                }
                offset += written
            }
        }
        guard failure != 0 else { return }
        var reason = String(cString: strerror(failure))
        if offset > 0, start >= 0, ftruncate(descriptor, start) != 0 {
            reason += "; the part of the line written could not be removed: \(String(cString: strerror(errno)))"
        }
        throw LabError.cannotWrite(path: path, reason: reason)
    }
}

/// The one JSON shape of transcript lines: keys sorted, so the same turns give the same bytes.
public enum TranscriptCoding {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
