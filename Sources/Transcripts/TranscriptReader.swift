import Foundation
import LabCore

/// Reads transcripts back from a report folder.
public enum TranscriptReader {
    /// Reads one `run-<k>.jsonl` file; its turn indices must count 1, 2, 3... (``LabError/badTurnOrder(path:line:problem:)``). A last line cut short by a crash (the process was killed while writing it) is
    /// left out and `warn` is told, naming the file and line; any other bad line is an error naming the file and line.
    public static func read(path: String, run: Int, warn: (String) -> Void = { _ in }) throws -> Transcript {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LabError.missingFile(path: path, hint: "The transcript is missing.")
        }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        var turns: [Turn] = []
        let decoder = JSONDecoder()
        for (number, line) in lines.enumerated() where !line.isEmpty {
            let turn: Turn
            do {
                turn = try decoder.decode(Turn.self, from: Data(line))
            } catch {
                let isCutLast = number == lines.count - 1
                if isCutLast {
                    warn("\(path):\(number + 1): warning: the last line is cut short (the run was stopped while "
                        + "writing it); it is left out")
                    break
                }
                throw LabError.badTranscript(path: path, line: number + 1, reason: "\(error)")
            }
            try checkIndex(turn.index, expected: turns.count + 1, path: path, line: number + 1)
            turns.append(turn)
        }
        return Transcript(run: run, turns: turns)
    }

    /// Turn indices count 1, 2, 3... line by line; a repeated or skipped index means two writers or an edit.
    private static func checkIndex(_ index: Int, expected: Int, path: String, line: Int) throws {
        guard index != expected else { return }
        let problem = index < expected
            ? "turn index \(index) repeats an earlier turn (duplicate; expected \(expected))"
            : "turn index \(index) skips turn \(expected)\(index > expected + 1 ? "...\(index - 1)" : "") (missing turns)"
        throw LabError.badTurnOrder(path: path, line: line, problem: problem)
    }
}
