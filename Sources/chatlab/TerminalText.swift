/// Text from outside (a bot's reply, a server's error body) made safe to print on a terminal.
///
/// Every control character except line feed and tab — ESC and the rest of C0 (carriage return included), DEL and the
/// C1 controls U+0080...U+009F — is shown as a visible escape such as `\x1b` instead of being sent to the terminal,
/// so a reply cannot move the cursor, recolour, retitle or clear the screen. Everything else is kept as it is.
enum TerminalText {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result.append(contentsOf: "\\x\(String(scalar.value, radix: 16, uppercase: false).leftPadded(2))".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
