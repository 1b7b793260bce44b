import ArgumentParser
import Foundation
import Chatters
import Scoring

extension ChatLab {
    struct Kinds: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the chatter kinds and scorers a config can name, with their options.")

        @Argument(help: "What to list: chatters or scorers (default: both).")
        var what: String?

        func validate() throws {
            if let what, !["chatters", "scorers"].contains(what) {
                throw ValidationError("Say 'chatters' or 'scorers', or nothing for both.")
            }
        }

        func run() {
            if what != "scorers" {
                print("Chatter kinds (chatters.chatterN.kind):")
                for kind in ChatterRegistry.all {
                    print("  \(kind.id.padding(toLength: 12, withPad: " ", startingAt: 0)) \(kind.summary)")
                    for option in kind.options { print("      \(option.key): \(option.meaning)") }
                }
            }
            if what != "chatters" {
                print("Scorers (scorers.<id>; each takes enabled: true|false):")
                for kind in ScorerRegistry.all {
                    let id = kind.id.padding(toLength: 20, withPad: " ", startingAt: 0)
                    print("  \(id) \(kind.code.padding(toLength: 7, withPad: " ", startingAt: 0)) \(kind.summary)")
                    for (key, meaning) in kind.options.sorted(by: { $0.key < $1.key }) { print("      \(key): \(meaning)") }
                }
            }
        }
    }
}
