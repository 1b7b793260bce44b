/// A question the bot understood, independent of how it was worded.
enum Query: Sendable, Hashable {
    /// An open question: "What is my cat called?" -> `.open(.thing("cat", "cat"), .name)`.
    case open(Target, Attribute)
    /// A yes/no question about a value:
    /// "Is my cat called Mittens?" -> `.check(.thing("cat", "cat"), .name, "Mittens")`.
    case check(Target, Attribute, String)
    /// "Do I have a cat (called Mittens)?"
    case owns(String, name: String?)
    /// "How many brothers do I have?"
    case count(String)
    /// "What pets do I have?" (`pet`), "What do I have?" (`nil`).
    case possessions(String?)
    /// "Who is Anna?"
    case whoIs(String)
    /// "Are you a robot?" (`human` is true for "Are you human?").
    case robot(human: Bool)
}

/// Whom or what a question is about.
enum Target: Sendable, Hashable {
    /// The one asking (or, for a question about the bot, the bot).
    case speaker
    case weather
    /// One of the speaker's things: its memory key and the words used for it (`best friend`).
    case thing(String, String)
    /// `it`, `he`, `she`: the thing mentioned last.
    case pronoun
}
