import Foundation
import LabCore

/// Reads transcripts back from a report folder.
public enum TranscriptReader {
    /// Reads one `run-<k>.jsonl` file. A last line cut short by a crash (the process was killed while writing it) is
    /// left out and `warn` is told, naming the file and line; any other bad line is an error naming the file and line.
    public static func read(path: String, run: Int, warn: (String) -> Void = { _ in }) throws -> Transcript {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LabError.missingFile(path: path, hint: "The transcript is missing.")
        }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        var turns: [Turn] = []
        let decoder = JSONDecoder()
        for (number, line) in lines.enumerated() where !line.isEmpty {
            do {
                turns.append(try decoder.decode(Turn.self, from: Data(line)))
            } catch {
                let isCutLast = number == lines.count - 1
                if isCutLast {
                    warn("\(path):\(number + 1): warning: the last line is cut short (the run was stopped while "
                        + "writing it); it is left out")
                    break
                }
                throw LabError.badTranscript(path: path, line: number + 1, reason: "\(error)")
            }
        }
        return Transcript(run: run, turns: turns)
    }
}
