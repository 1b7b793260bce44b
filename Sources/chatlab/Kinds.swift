import ArgumentParser
import Foundation
import Chatters
import Lab
import LabCore
import Probes
import Scoring

extension ChatLab {
    struct Kinds: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the chatter kinds and scorers a config can name, with their options, or the test codes.",
            discussion: "'codes' prints the catalogue of test codes as a Markdown table: code, title, meaning, unit "
                + "and default threshold (the README's table of codes is this output).")

        @Argument(help: "What to list: chatters, scorers or codes (default: chatters and scorers).")
        var what: String?

        func validate() throws {
            if let what, !["chatters", "scorers", "codes"].contains(what) {
                throw ValidationError("Say 'chatters', 'scorers' or 'codes', or nothing for chatters and scorers.")
            }
        }

        func run() {
            if what == "codes" {
                print(CatalogueTable.markdown())
                return
            }
            if what != "scorers" {
                print("Chatter kinds (chatters.chatterN.kind):")
                for kind in ChatterKinds.all() {
                    print("  \(kind.id.padding(toLength: 12, withPad: " ", startingAt: 0)) \(kind.summary)")
                    for option in kind.options { print("      \(option.key): \(option.meaning)") }
                }
            }
            if what != "chatters" {
                print("Scorers (scorers.<id>; each takes enabled: true|false), with the codes they report under:")
                for kind in ScorerRegistry.all {
                    list(id: kind.id, summary: kind.summary, checks: kind.checks, options: kind.options)
                }
                list(
                    id: "answers", summary: "on whenever the config has probes: the reply to each probe question",
                    checks: ProbeCode.allCases.map(\.check), options: ScorerRegistry.answerOptions)
            }
        }

        /// One scorer: its id and summary, each code with its title and default threshold, then its options.
        private func list(id: String, summary: String, checks: [CheckEntry], options: [String: String]) {
            print("  \(id.padding(toLength: 20, withPad: " ", startingAt: 0)) \(summary)")
            for check in checks {
                print("      \(check.code.padding(toLength: 9, withPad: " ", startingAt: 0)) \(check.title): \(check.threshold)")
            }
            for (key, meaning) in options.sorted(by: { $0.key < $1.key }) { print("      \(key): \(meaning)") }
        }
    }
}
