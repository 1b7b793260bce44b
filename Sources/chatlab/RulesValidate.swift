import ArgumentParser
import Rules

extension ChatLab {
    struct RulesValidate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Parse rule files without running them.",
            discussion: "Prints each rule's name and scope, or the first problem with file:line:column and a caret.")

        @Argument(help: "Rule files or folders of them.")
        var rules: [String]

        func run() throws {
            let loaded = try CLIErrors.reporting { try RuleFileLoader.load(paths: rules) }
            for rule in loaded {
                let state = rule.active ? "" : " (inactive)"
                print("\(rule.origin): \(rule.name) [conversations: \(rule.scope)]\(state)")
            }
            print("\(loaded.count) rule(s) ok")
        }
    }
}
