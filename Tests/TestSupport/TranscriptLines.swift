import Foundation

/// Reads transcript JSONL files as raw JSON objects, for tests that compare files byte for byte.
public enum TranscriptLines {
    /// The lines of a transcript file.
    public static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// The lines with the `latency` field removed (the one field that differs between identical runs).
    public static func withoutLatency(_ path: String) throws -> [String] {
        try lines(path).map { $0.replacingOccurrences(of: #""latency":[-0-9.e+]+,?"#, with: "", options: .regularExpression) }
    }

    /// The lines decoded as dictionaries.
    public static func objects(_ path: String) throws -> [[String: Any]] {
        try lines(path).map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }
}
