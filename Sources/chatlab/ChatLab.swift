import ArgumentParser
import Lab

@main
struct ChatLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatlab",
        abstract: "A lab for testing conversational agents: two chatters talk, every reply is scored.",
        discussion: """
            Run an experiment from a YAML config, then open the workbooks in its report folder:

              chatlab run config/demo.yaml
              chatlab analyze reports/demo-latest
            """,
        version: ChatLabVersion.current,
        subcommands: [
            Run.self, Analyze.self, Chat.self, Validate.self, TestSets.self, Kinds.self, Models.self, Embed.self,
            Bench.self,
        ])
}
