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

    /// Writes one turn as one line.
    public func append(_ turn: Turn) throws {
        var data = try TranscriptCoding.encoder.encode(turn)
        data.append(0x0A)
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else {
            throw LabError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
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
