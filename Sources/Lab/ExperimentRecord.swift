import Foundation
import LabCore

/// Reads and writes `experiment.json`, the record of how an experiment was run.
enum ExperimentRecord {
    static func write(_ info: ExperimentInfo, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            try encoder.encode(info).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw LabError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    static func read(from path: String) throws -> ExperimentInfo {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LabError.missingFile(path: path, hint: "Is this a report folder written by 'chatlab run'?")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(ExperimentInfo.self, from: data)
        } catch {
            throw LabError.badTranscript(path: path, line: 1, reason: "not an experiment record: \(error)")
        }
    }
}
