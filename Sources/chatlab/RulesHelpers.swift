import ArgumentParser
import Rules

extension ChatLab {
    struct RulesHelpers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "helpers", abstract: "List the helper functions rules may call.")

        func run() {
            for helper in HelperLibrary.helpers {
                let llm = helper.usesLLM ? " [LLM]" : ""
                print("\(helper.name)(\(helper.parameters.joined(separator: ", ")))\(llm): \(helper.summary)")
            }
        }
    }
}
