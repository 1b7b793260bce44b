import ArgumentParser
import Benchmarks
import Foundation

extension ChatLab {
    /// `chatlab bench rules`.
    struct BenchRules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "Measure rules × conversations per second, against CPython's eval on the same inputs.",
            discussion: """
                Checks 20 oracle rules on N generated SENSEI-shaped conversations with ChatLab's rule language \
                (parsing included), then runs scripts/bench_rules_python.py on the same conversations and expressions:
                CPython's eval of the rule text per check (as SENSEI does) and of expressions compiled once. \
                Build with -c release for meaningful numbers.
                """)

        @Option(help: "Conversations to check.")
        var conversations = 10_000

        @Option(help: "The python3 to run the reference with.")
        var python = "python3"

        @Option(help: "The reference script.")
        var script = "scripts/bench_rules_python.py"

        func run() throws {
            let inputs = RulesBenchmark.conversations(conversations)
            let ours = try RulesBenchmark.measure(inputs)
            let checks = Double(ours.conversations * ours.rules)
            print("\(ours.rules) rules × \(ours.conversations) conversations = \(Int(checks)) checks")
            print(String(format: "ChatLab rules:            %8.3f s  %10.0f checks/s", ours.seconds, ours.checksPerSecond)
                + "  \(ours.outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
            let file = NSTemporaryDirectory() + "chatlab-bench-rules-\(UUID().uuidString).json"
            defer { try? FileManager.default.removeItem(atPath: file) }
            try RulesBenchmark.exportJSON(inputs).write(to: URL(fileURLWithPath: file))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [python, RepositoryFile.locate(script), file]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                let reply = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let text = reply["eval_text_seconds"] as? Double, let compiled = reply["eval_compiled_seconds"] as? Double
            else {
                print("CPython reference: failed (exit \(process.terminationStatus))")
                throw ExitCode(1)
            }
            print(String(format: "CPython eval(text):       %8.3f s  %10.0f checks/s", text, checks / text)
                + "  (Python \(reply["python"] ?? "?"), \(reply["outcomes"] ?? ""))")
            print(String(format: "CPython eval(compiled):   %8.3f s  %10.0f checks/s", compiled, checks / compiled))
        }
    }
}
