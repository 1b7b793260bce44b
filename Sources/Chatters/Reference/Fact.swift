/// One thing the bot knows: about the speaker (`subject == Fact.speaker`) or about one of the speaker's things
/// (`subject` is a thing key such as `cat`, `sister`, `car`), or about the weather (`Fact.weather`).
struct Fact: Sendable, Hashable {
    static let speaker = "@me"
    static let weather = "@weather"

    var subject: String
    var attribute: Attribute
    /// The value as written (`Mittens`, `a nurse`, `in 1990`, `my cat`); first person, as the speaker said it.
    var value: String

    init(_ subject: String, _ attribute: Attribute, _ value: String) {
        self.subject = subject
        self.attribute = attribute
        self.value = value
    }
}

/// What a fact is about.
enum Attribute: Sendable, Hashable {
    case name
    /// Where the subject lives (`Paris`).
    case home
    /// Where the speaker comes from or grew up (`Spain`).
    case origin
    /// The speaker's job, with its article when one was given (`a nurse`).
    case job
    /// Where the speaker works, with its preposition (`at Google`).
    case workplace
    /// Age in years, as digits.
    case age
    /// When the speaker was born, with its preposition (`in 1990`, `on May 3, 1990`).
    case birth
    case birthplace
    /// The birthday as said (`on May 3`).
    case birthday
    /// A favourite thing of a kind (`colour` -> `blue`).
    case favourite(String)
    case likes
    case dislikes
    /// Sports, games, instruments (`I play football`).
    case plays
    case hobby
    /// The car the speaker drives, with its article (`a Volvo`).
    case car
    /// What kind of thing a thing is (`pet` -> `dog`).
    case kind
    /// How a thing is (`black`), or the weather (`sunny`).
    case description
    /// How the speaker is (`married`); several allowed.
    case trait
    /// Whether the speaker has the thing: `yes` or `no`.
    case owned
    /// How many of the thing the speaker has, as digits.
    case count

    /// Attributes that hold a list: a new statement adds to it instead of replacing it.
    var isList: Bool {
        switch self {
        case .likes, .dislikes, .plays, .hobby, .trait: true
        default: false
        }
    }
}
