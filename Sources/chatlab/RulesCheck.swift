import ArgumentParser
import Foundation
import LabCore
import Reports
import Rules
import Transcripts

extension ChatLab {
    struct RulesCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check rules on a report folder or on SENSEI conversation files.",
            discussion: """
                Prints one row per rule (and SENSEI's built-in error rows). Exits 1 when a rule fails or errors on \
                some conversation, 0 otherwise (the built-in error rows and "not evaluated" checks do not change it), \
                2 when a rule file or the conversations cannot be read.

                  chatlab rules check rules/ --on reports/demo-latest --csv results.csv --out reports/demo-latest
                """)

        @Argument(help: "Rule files or folders of them.")
        var rules: [String]

        @Option(name: .customLong("on"), help: "A ChatLab report folder, a folder of SENSEI conversation files, or one file.")
        var conversations: String

        @Option(help: "Write SENSEI's CSV (rule,checks,pass,fail,not_applicable,fail_rate,...) here.")
        var csv: String?

        @Option(help: "Write rules.csv and rules.xlsx into this folder (atomically).")
        var out: String?

        @Flag(help: "Print every check's outcome and reason.")
        var verbose = false

        @Flag(help: "Count as SENSEI does (ordered pairs; exceptions as not applicable), to compare with its CSVs.")
        var senseiCounting = false

        @Option(help: "An OpenAI-compatible API root for the LLM helpers (key from OPENAI_API_KEY).")
        var llmURL: String?

        @Option(help: "The model the LLM helpers ask.")
        var llmModel = "gpt-4o"

        func run() throws {
            let loaded = try CLIErrors.reporting { try RuleFileLoader.load(paths: rules) }
            let found = try CLIErrors.reporting {
                try ConversationSource.load(path: conversations) { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
            }
            let judge = try llmURL.map { url in
                try CLIErrors.reporting {
                    try LLMRuleJudge(url: url, model: llmModel, apiKey: ProcessInfo.processInfo.environment["OPENAI_API_KEY"])
                }
            }
            print("Checking \(loaded.filter(\.active).count) rule(s) on \(found.count) conversation(s) from \(conversations)")
            let checker = RuleChecker(judge: judge, senseiCounting: senseiCounting)
            let tallies = checker.check(loaded, on: found) { result in
                guard verbose else { return }
                print("  \(result.rule) on \(result.conversations.joined(separator: " + ")): \(result.outcome)")
            }
            RuleTable.print(tallies)
            let text = RulesCSV.text(tallies)
            try CLIErrors.reporting {
                if let csv { try AtomicFile.write(Data(text.utf8), to: csv) }
                if let out {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                    try AtomicFile.write(Data(text.utf8), to: "\(out)/rules.csv")
                    let path = "\(out)/\(RulesWorkbook.fileName)"
                    let temporary = AtomicFile.temporaryName(for: path)
                    do {
                        try RulesWorkbook.write(tallies, to: temporary)
                    } catch {
                        unlink(temporary)
                        throw error
                    }
                    try AtomicFile.rename(temporary, to: path)
                }
            }
            let builtIn = Set(RuleChecker.errorRows.map(\.name))
            if tallies.contains(where: { !builtIn.contains($0.rule) && ($0.fail > 0 || $0.errors > 0) }) {
                throw ExitCode(1)
            }
        }
    }
}

/// The console table of `chatlab rules check`.
enum RuleTable {
    static func print(_ tallies: [RuleTally]) {
        let width = max(24, min(48, tallies.map(\.rule.count).max() ?? 0))
        func pad(_ text: String, _ size: Int, left: Bool = false) -> String {
            let cut = String(text.prefix(size))
            let fill = String(repeating: " ", count: max(0, size - cut.count))
            return left ? cut + fill : fill + cut
        }
        Swift.print(pad("rule", width, left: true) + pad("conv", 9) + pad("checks", 8) + pad("pass", 7) + pad("fail", 7)
            + pad("n/a", 7) + pad("errors", 8) + pad("n/e", 6) + pad("fail rate", 11))
        for tally in tallies {
            let rate = String(format: "%.2f%%", 100 * (tally.failRate ?? 0))
            Swift.print(pad(tally.rule, width, left: true) + pad(tally.scope, 9) + pad("\(tally.checks)", 8)
                + pad("\(tally.pass)", 7) + pad("\(tally.fail)", 7) + pad("\(tally.notApplicable)", 7)
                + pad("\(tally.errors)", 8) + pad("\(tally.notEvaluated)", 6) + pad(rate, 11))
            for note in tally.notes.prefix(3) where tally.scope != "built-in" {
                Swift.print("    \(note.outcome) on \(note.conversations): \(String(note.reason.prefix(200)))")
            }
        }
    }
}
