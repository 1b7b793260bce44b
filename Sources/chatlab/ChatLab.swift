import ArgumentParser
import CPrintfHooks
import Lab
import Reports

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
            Run.self, Analyze.self, Chat.self, Serve.self, Validate.self, Check.self, TestSets.self, Calibrate.self,
            Compare.self, View.self, Simulate.self, Rules.self, Load.self, Kinds.self, Models.self, Embed.self,
            Bench.self, Batch.self, History.self, Schedule.self, Merge.self,
        ])

    /// Plugs in the sentence encoder, then parses and runs the command as ArgumentParser's own `main` does.
    static func main() async {
        // Links the printf guard (Sources/CPrintfHooks): by now it has refused libquadmath's printf extensions.
        _ = chatlab_printf_extensions_refused()
        // Every line reaches standard output as it is printed, also into a file or pipe: a run that is killed still
        // shows its "report folder:" line.
        chatlab_line_buffer_stdout()
        ProcessResources.prepareForLargeWorkbooks()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
