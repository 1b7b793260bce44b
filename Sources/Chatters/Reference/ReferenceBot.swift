import LabCore

/// ChatLab's built-in reference chatter: deterministic, offline, and just clever enough to make memory tests
/// meaningful.
///
/// The reply is a pure function of the ``ChatRequest``: its history (as cut to the memory window by the runner), its
/// seat and its seed. Nothing is kept between turns, so a fact that fell out of the window is forgotten.
///
/// **It remembers** what the other speaker stated in the visible history (case and punctuation do not matter; a later
/// statement about the same thing replaces an earlier one):
/// - names of things: "My cat is called Mittens", "My cat's name is Mittens", "The name of my cat is Mittens",
///   "I have a cat named Mittens", "I call my cat Mittens", "Mittens is my cat", "The kitten which I own is called
///   Mittens"; with pronouns for the thing mentioned last in the same or previous utterance: "I have a dog. Its name
///   is Rex." / "His name is Rex" / "She is called Luna" / "It is a dog";
/// - the speaker: "My name is John", "I'm called John", "Call me John", "I am John"; "I live in Paris", "I moved to
///   Paris"; "I am from Spain", "I grew up in Spain"; "I work as a nurse", "I am a teacher", "My job is ...";
///   "I work at Google"; "I am 34 years old"; "I was born in 1990" / "in Paris"; "My birthday is on May 3";
///   "My favourite colour is blue" (favorite/favourite, color/colour); "I like/love/enjoy X", "I am a fan of X";
///   "I hate/dislike X", "I don't like X"; "I play football"; "My hobbies are ..."; "I drive a Volvo";
///   "I have a dog", "I have two brothers", "I have no pets", "My sister is called Anna"; "My dog is 5 years old";
///   "My car is red"; "I am married";
/// - the weather: "The weather is sunny", "It is raining".
///
/// **It answers** questions about those facts with a short sentence containing the answer: open ones ("What is my
/// cat called?", "What's the name of my cat?", "What is my name?", "Where do I live?", "What do I do for a living?",
/// "How old am I?", "When was I born?", "What is my favourite colour?", "What do I like?", "What car do I drive?",
/// "How many brothers do I have?", "What pets do I have?", "Who is Anna?", "How is the weather?", "I love my cat.
/// What is its name?", "Do you remember where I live?") and closed ones ("Do I have a cat?", "Is my cat called
/// Mittens?", "Do I live in Paris?", "Do I like pizza?", "Am I 34?") with "Yes, ..." or "No, ...". Without a fact to
/// go on it says "I don't think you told me that." and never guesses. Having one thing of a category closes that
/// category: after "I have a pet. It is a dog.", "Do I have any cats?" is answered "No, you have a dog."
///
/// **It answers about itself** from its ``Persona`` ("What is your name?", "How old are you?", "Where do you live?",
/// "What do you do?", "Do you have any pets?", "What is your favourite food?", "What are your hobbies?", "Are you a
/// robot?"), the same way whatever the seed.
///
/// **Otherwise it makes small talk**, chosen with the request's seed and avoiding its own earlier lines: an opener when
/// it speaks first, a greeting for a greeting, a reaction to a new fact ("Nice, tell me more about your cat."), a
/// friendly line or question back. "And you?" after a statement is answered from the persona.
public struct ReferenceBot: Chatter {
    public let persona: Persona

    public init(persona: Persona = .default) {
        self.persona = persona
    }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        ChatReply(text(for: request))
    }

    /// The reply, synchronously: a pure function of the request.
    public func text(for request: ChatRequest) -> String {
        let reading = ConversationReader.read(request.history, seat: request.seat)
        var talk = SmallTalk(
            random: SeededRandom(seed: request.seed),
            said: Set(request.history.filter { $0.seat == request.seat }.map(\.text)), persona: persona)
        guard let last = reading.last else { return talk.opener() }

        var answers: [String] = []
        for question in last.questions {
            if let social = talk.social(question.tokens.map(\.key)) {
                answers.append(social)
            } else if let answer = answer(question, reading: reading, newFacts: last.facts) {
                answers.append(answer)
            } else {
                let keys = Set(question.tokens.map(\.key))
                let aboutSpeaker = !keys.isDisjoint(with: ["i", "my", "me", "mine"])
                answers.append(aboutSpeaker ? Voice.other.unknown : talk.unknownQuestion())
            }
        }
        if !answers.isEmpty { return answers.prefix(3).joined(separator: " ") }
        if let reaction = talk.react(to: last.facts, voice: .other) { return reaction }
        if let social = talk.social(last.keys) { return social }
        return talk.chat()
    }

    func answer(_ question: ConversationReader.Question, reading: ConversationReader.Reading, newFacts: [Fact])
        -> String?
    {
        let own = QuestionAnswerer(memory: FactMemory(persona.facts), voice: .own, context: nil)
        if Self.isMirror(question.tokens.map(\.key)) {
            if newFacts.last?.attribute == .trait { return "I'm doing well too, thank you!" }
            return mirror(newFacts).map(own.answer)
        }
        let other = QuestionAnswerer(memory: reading.memory, voice: .other, context: question.context)
        guard let parsed = QuestionParser.parse(question.tokens) else {
            let fallback = KeywordFallback.query(question.tokens, memory: reading.memory, context: question.context)
            return fallback.map(other.answer)
        }
        return parsed.aboutBot ? own.answer(parsed.query) : other.answer(parsed.query)
    }

    static func isMirror(_ keys: [String]) -> Bool {
        let text = keys.filter { $0 != "," }.joined(separator: " ")
        return [
            "and you", "what about you", "how about you", "and yourself", "you", "and what about you", "and yours",
            "what about yours",
        ].contains(text)
    }

    /// "I live in Paris. And you?" -> the same question about the bot.
    func mirror(_ facts: [Fact]) -> Query? {
        guard let fact = facts.last else { return nil }
        if fact.subject == Fact.speaker { return .open(.speaker, fact.attribute) }
        if fact.subject == Fact.weather { return nil }
        return .owns(Lexicon.category(of: fact.subject) ?? fact.subject, name: nil)
    }
}
