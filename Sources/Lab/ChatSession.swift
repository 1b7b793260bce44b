import Chatters
import Foundation
import LabCore
import LabYAML
import Transcripts

/// A person talking to one chatter (`chatlab chat`): an experiment of one run with a human as chatter 1.
public enum ChatSession {
    /// Builds the experiment. Its recorded config embeds the chatter file, so `chatlab analyze` works on the folder.
    public static func experiment(
        chatterFile: String, console: any HumanConsole, rounds: Int, seed: UInt64, out: String
    ) throws -> Experiment {
        let chatterText = try InputFile.text(atPath: chatterFile)
        let other = try ChatterLoader.load(path: chatterFile, context: ChatterContext(console: console))
        let indented = chatterText.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n")
        let text = """
            # Written by 'chatlab chat --with \(chatterFile)'.
            name: chat-\(safe(other.name))
            seed: \(seed)
            rounds: \(rounds)
            chatters:
              chatter1:
                kind: human
                name: you
              chatter2:
            \(indented)

            """
        var experiment = try ExperimentLoader(context: ChatterContext(console: console)).load(text: text, path: chatterFile)
        experiment.report.out = out
        return experiment
    }

    private static func safe(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
    }
}
