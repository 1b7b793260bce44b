import Foundation

/// Reads and writes the JSON records of a report folder (experiment, probes, conversations, summaries).
///
/// A record is written to a temporary name beside its final one and renamed into place when complete, so a reader
/// (or a process killed mid-write) sees the old record or the new one, never half of one. Keys are sorted, so the
/// same value always gives the same bytes.
public enum RecordFile {
    /// The one JSON shape of records: pretty, sorted keys, ISO 8601 dates.
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Writes `value` as JSON to `path`, through a temporary file renamed into place.
    /// - Throws: ``LabError/cannotWrite(path:reason:)`` with the system's reason.
    public static func write<Value: Encodable>(_ value: Value, to path: String, pretty: Bool = true) throws {
        let data: Data
        do {
            data = try encoder(pretty: pretty).encode(value)
        } catch {
            throw LabError.cannotWrite(path: path, reason: "cannot encode: \(error)")
        }
        try AtomicFile.write(data, to: path)
    }

    /// Reads a record; `nil` when the file does not exist.
    /// - Throws: ``LabError/badRecord(path:reason:)`` when it exists but is not a `what`.
    public static func read<Value: Decodable>(_ type: Value.Type, from path: String, what: String) throws -> Value? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw LabError.badRecord(path: path, reason: "not \(what): \(error)")
        }
    }
}
