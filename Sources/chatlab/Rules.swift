import ArgumentParser

extension ChatLab {
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "Check correctness rules (SENSEI's rule files) on conversations.",
            discussion: """
                Rules are YAML files of oracle, metamorphic and global rules whose expressions use a small, sandboxed \
                Python subset. Conversations are a ChatLab report folder or SENSEI conversation files:

                  chatlab rules check config/rules/shop.yaml --on reports/demo-latest
                  chatlab rules validate config/rules
                """,
            subcommands: [RulesCheck.self, RulesValidate.self, RulesHelpers.self, RulesFuzzEval.self])
    }
}
