import Foundation
import TestSupport

/// A config in which a scripted tester (four fixed lines) talks to the chatter 2 given as YAML lines, for the tests
/// that run `chatlab` against a network bot. Line 3 holds `extra` top-level lines (or stays blank), so messages about
/// chatter 2's options keep their line numbers.
enum ScriptedTesterConfig {
    /// Writes `<name>.yaml` into `folder` and returns its path.
    static func write(
        _ name: String, rounds: Int, extra: String = "", chatter2: String, in folder: TemporaryDirectory
    ) throws -> String {
        let text = """
            name: \(name)
            rounds: \(rounds)
            \(extra)
            chatters:
              chatter1:
                kind: script
                name: tester
                lines: [Hello there bot, My name is Ann, What is my name?, I live in Porto]
              chatter2:
            \(chatter2.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n"))
            """
        let path = folder.path("\(name).yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
