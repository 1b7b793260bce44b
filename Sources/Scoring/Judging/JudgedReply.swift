/// The part of a reply the answer and consistency judges read: its first ``maxCharacters`` characters.
///
/// The judges look for the answer around every place it occurs, which costs more than linear time in a reply that
/// repeats it thousands of times; a chat answer is found near the start, so a longer reply is judged on its
/// beginning and the cell's note says so.
public enum JudgedReply {
    /// The most characters of one reply judged.
    public static let maxCharacters = 10_000

    /// The text to judge and, when the reply was cut, the note saying so.
    public static func bounded(_ text: String) -> (text: String, note: String?) {
        guard text.utf8.count > maxCharacters, text.count > maxCharacters else { return (text, nil) }
        return (String(text.prefix(maxCharacters)), "judged on the first \(maxCharacters) of \(text.count) characters")
    }
}
