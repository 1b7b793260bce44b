import LabCore

/// What the bot says when there is no question to answer: openers, greetings, reactions to new facts and friendly
/// filler. Each choice is drawn with ``SeededRandom`` from the request's seed, avoiding what the bot already said
/// in the visible history.
struct SmallTalk {
    var random: SeededRandom
    /// The bot's own earlier utterances, to avoid repeating itself.
    var said: Set<String>
    var persona: Persona

    static let openers = [
        "Hi! I'm {name}. How are you today?",
        "Hello there! What would you like to talk about?",
        "Hey! Nice to meet you. Tell me something about yourself.",
        "Hi, I'm {name}. What did you do today?",
    ]
    static let greetings = [
        "Hello! How are you today?", "Hi there! Nice to hear from you.", "Hey! What's new with you?",
        "Hello! What would you like to talk about?",
    ]
    static let howAreYou = [
        "I'm doing well, thank you! How about you?", "I'm fine, thanks for asking. And you?",
        "Pretty good, thanks! What have you been up to?",
    ]
    static let thanks = ["You're welcome!", "Any time!", "Glad I could help."]
    static let farewells = ["Goodbye! It was nice talking to you.", "Bye! Talk to you soon.", "See you later!"]
    static let reactions = [
        "Nice, tell me more about {topic}.", "Good to know! What else can you tell me about {topic}?",
        "Interesting! I'll remember that about {topic}.", "Oh, I see. Tell me more about {topic}.",
    ]
    static let names = [
        "Nice to meet you, {topic}!", "Hello {topic}, nice to meet you!", "What a lovely name, {topic}!",
    ]
    static let unknownQuestions = [
        "Good question! I'm not sure.", "Hmm, I can't answer that one.", "That's a tricky one, I'm not sure.",
    ]
    static let filler = [
        "That's interesting.", "I see. What do you like to do at the weekend?", "Tell me something about yourself.",
        "Do you have any pets?", "Where do you live?", "What did you do today?", "Really? Tell me more.",
        "That sounds good.", "What kind of music do you like?", "What is your favourite food?", "I agree.",
        "Hmm, I had not thought of that.", "What do you do for a living?", "Nice! What else is new?",
    ]

    mutating func pick(_ choices: [String], topic: String = "") -> String {
        let filled = choices.map {
            $0.replacing("{topic}", with: topic).replacing("{name}", with: persona.name)
        }
        let fresh = filled.filter { !said.contains($0) }
        let pool = fresh.isEmpty ? filled : fresh
        return pool[Int(random.next() % UInt64(pool.count))]
    }

    mutating func opener() -> String { pick(Self.openers) }

    /// A reaction to what was just learnt, or `nil` when nothing was.
    mutating func react(to facts: [Fact], voice: Voice) -> String? {
        if let name = facts.last(where: { $0.subject == Fact.speaker && $0.attribute == .name }) {
            return pick(Self.names, topic: name.value)
        }
        guard let fact = facts.last else { return nil }
        return pick(Self.reactions, topic: Self.topic(of: fact, voice: voice))
    }

    /// A few words for what a fact is about: `your cat`, `Paris`, `your job`.
    static func topic(of fact: Fact, voice: Voice) -> String {
        if fact.subject == Fact.weather { return "the weather" }
        if fact.subject != Fact.speaker {
            if fact.attribute == .owned, fact.value == "no" { return "yourself" }
            return "your \(fact.subject)"
        }
        switch fact.attribute {
        case .home, .origin, .birthplace: return fact.value
        case .job, .workplace: return "your work"
        case .likes, .dislikes, .plays, .hobby: return voice.speak(fact.value)
        case .favourite(let kind): return "your favourite \(kind)"
        case .car: return "your car"
        default: return "yourself"
        }
    }

    /// Greetings, thanks, farewells and "how are you", or `nil` when the words are none of these.
    mutating func social(_ keys: [String]) -> String? {
        let words = keys.filter { $0 != "," }
        let text = words.joined(separator: " ")
        let asksHow = [
            "how are you", "how are you doing", "how is it going", "how do you do", "how have you been",
            "how are things", "how are you today", "what is up", "what is new", "how about you",
        ]
        if asksHow.contains(where: { text.hasSuffix($0) }) { return pick(Self.howAreYou) }
        if ["tell me about yourself", "tell me something about yourself", "introduce yourself", "who are you"]
            .contains(text)
        {
            return introduction
        }
        if words.contains(where: { ["thanks", "thank", "thx", "cheers"].contains($0) }), words.count <= 5 {
            return pick(Self.thanks)
        }
        if words.contains(where: { ["bye", "goodbye", "farewell"].contains($0) }) || text.hasPrefix("see you") {
            return pick(Self.farewells)
        }
        let greetings: Set<String> = ["hi", "hello", "hey", "hiya", "howdy", "greetings", "morning", "evening", "yo"]
        if let first = words.first,
            greetings.contains(first) || text.hasPrefix("good morning")
                || text.hasPrefix("good evening") || text.hasPrefix("good afternoon"), words.count <= 4
        {
            return pick(Self.greetings)
        }
        return nil
    }

    /// Who the bot is, from its persona; always the same.
    var introduction: String {
        var text = "I'm \(persona.name), \(persona.job) from \(persona.origin), and I live in \(persona.home)."
        if let pet = persona.pet { text += " I have \(Lexicon.withArticle(pet.kind)) called \(pet.name)." }
        return text
    }

    mutating func unknownQuestion() -> String { pick(Self.unknownQuestions) }

    mutating func chat() -> String { pick(Self.filler) }
}
