import Foundation
import TestSupport

/// Runs `chatlab` on a hostile input with a generous timeout: a hang is killed and reported, never waited out.
enum HostileInput {
    /// What one bounded run gave: `nil` result when it did not end within the timeout (it was killed).
    struct Outcome {
        var result: ChildProcess.Result?
        var timedOut: Bool { result == nil }
        var status: Int32 { result?.status ?? -1 }
        var signaled: Bool { result?.signaled ?? false }
        var stderr: String { result?.stderr ?? "" }
    }

    static let timeout: TimeInterval = 120

    static func run(_ arguments: [String]) throws -> Outcome {
        let child = try ChatlabProcess.start(arguments, input: .closed)
        guard let result = child.wait(timeout: timeout) else {
            _ = child.kill()
            return Outcome(result: nil)
        }
        return Outcome(result: result)
    }

    /// `chatlab validate` on a config with this text.
    static func validate(_ text: String, in folder: TemporaryDirectory, name: String = "hostile.yaml") throws -> Outcome {
        try text.write(toFile: folder.path(name), atomically: true, encoding: .utf8)
        return try run(["validate", folder.path(name)])
    }

    /// An alias bomb: `levels` anchors, each a list of nine aliases of the one before (9^levels values expanded).
    static func aliasBomb(levels: Int, indent: String = "") -> [String] {
        ["\(indent)a0: &a0 [lol]"] + (1...levels).map { level in
            "\(indent)a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]"
        }
    }

    /// A chain of `depth` anchors, each a list holding an alias of the one before: `depth` levels deep expanded.
    static func aliasChain(depth: Int, indent: String = "") -> [String] {
        ["\(indent)c0: &c0 [x]"] + (1...depth).map { "\(indent)c\($0): &c\($0) [*c\($0 - 1)]" }
    }

    /// A config whose chatter 2 is an http chatter with these lines as its `body` (indented under it).
    static func httpConfig(body: [String]) -> String {
        """
        name: hostile
        chatters:
          chatter1:
            kind: script
            lines: [hello]
          chatter2:
            kind: http
            url: http://127.0.0.1:9/chat
            reply_path: reply
            body:

        """ + body.map { "      \($0)" }.joined(separator: "\n") + "\n"
    }
}
