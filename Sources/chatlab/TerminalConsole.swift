import Chatters
import Foundation

/// The terminal as a human chatter's console: shows lines on standard output, reads standard input.
struct TerminalConsole: HumanConsole {
    func show(_ line: String) async {
        print(line)
    }

    func readLine(prompt: String) async -> String? {
        print(prompt, terminator: "")
        fflush(nil)  // flushes every output stream, stdout included
        return Swift.readLine()
    }
}
