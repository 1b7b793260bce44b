import Foundation
import LabCore

/// Reads and writes `experiment.json`, the record of how an experiment was run.
public enum ExperimentRecord {
    public static func write(_ info: ExperimentInfo, to path: String) throws {
        try RecordFile.write(info, to: path)
    }

    public static func read(from path: String) throws -> ExperimentInfo {
        guard let info = try RecordFile.read(ExperimentInfo.self, from: path, what: "an experiment record") else {
            throw LabError.missingFile(path: path, hint: "Is this a report folder written by 'chatlab run'?")
        }
        return info
    }
}
