import TestSupport
import Testing

/// Every command's `--help` reads as paragraphs: ArgumentParser wraps a discussion at 80 columns, so a line break
/// written into the source mid-sentence prints as a ragged half line ("… scores the transcripts with the config's" /
/// "scorers (writing …"). Those breaks must be line continuations.
@Test func everyCommandsHelpReadsAsParagraphs() throws {
    var pending = [[String]()]
    var visited = 0
    while let command = pending.popLast() {
        let help = try ChatlabProcess.run(command + ["--help"])
        #expect(help.status == 0, "chatlab \(command.joined(separator: " ")) --help: \(help.stderr)")
        visited += 1
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let usage = lines.firstIndex { $0.hasPrefix("USAGE:") } ?? lines.endIndex
        for (line, next) in zip(lines[..<usage], lines[..<usage].dropFirst()) {
            // Prose only: examples (wrapped where a long word would cross column 80) and lines that end in a colon
            // before a command are broken on purpose.
            let prose = { (text: String) in !text.isEmpty && !text.hasPrefix(" ") && !text.hasPrefix("Example") }
            let continuesSentence = next.first.map { $0.isLowercase } ?? false
            #expect(
                !(prose(line) && !line.hasSuffix(":") && prose(next) && continuesSentence && line.count < 50),
                "chatlab \(command.joined(separator: " ")) --help breaks a sentence after \(line.debugDescription)")
        }
        if let start = lines.firstIndex(of: "SUBCOMMANDS:") {
            for line in lines[(start + 1)...] {
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                    name != "See", name != "help"
                else { continue }
                pending.append(command + [String(name)])
            }
        }
    }
    #expect(visited > 25)
}
