import Chatters
import Foundation

/// The terminal as a human chatter's console: shows lines on standard output (control characters escaped, see
/// ``TerminalText``), reads standard input.
struct TerminalConsole: HumanConsole {
    func show(_ line: String) async {
        print(TerminalText.escaped(line))
    }

    func readLine(prompt: String) async -> String? {
        print(prompt, terminator: "")
        fflush(nil)  // flushes every output stream, stdout included
        return Swift.readLine()
    }
}
