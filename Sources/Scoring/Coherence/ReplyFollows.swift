/// Does a reply follow the utterance it answers? Dialogue-act rules that decide the clear cases; the rest is left to
/// sentence-embedding similarity (``CoherenceScorer``).
///
/// Contract, for the last sentence of the utterance that ends with "?" (the question answered), in this order:
/// - a non-answer that responds ("I don't think you told me that.", "Good question! I'm not sure.") follows; a
///   deflection ("Let's talk about something else.") is left to similarity;
/// - a yes/no question (opening with an auxiliary) answered yes or no (``ClosedAnswerJudge``) follows;
/// - a reply that only talks about a word of the question — a statement of more than four words with no person in
///   it (no I, you, my, your, we) whose first content word is a content word of the question ("Do you have any
///   pets?" → "Pets are animals that live in houses.") — does not follow;
/// - a reply of the kind the question asks for follows: a number for "how old / many / much / long", a place for
///   "where", a time for "when" and "what time", a state for "how are you", a name for "who" and "what is … name",
///   a job ("I'm a nurse", "You work at …") for "what do you do"
///   (for other wh-questions, a statement about a person that takes up a word of the question and adds its own:
///   "Which colour do you like best?" → "My favourite colour is green."). It must be elliptic (at most four words) or speak of a
///   person, so "The train leaves at nine." is not an answer to "How old are you?". A yes/no answer must be said
///   outright ("Yes, ...", "No, ..."), not only in passing ("Not yet, but ...").
/// For a statement: a greeting, thanks or farewell answered in kind follows, and so does a reply that names the name
/// just given ("My name is Alice." → "Nice to meet you, Alice!") or takes up its topic for the speaker ("My son is
/// called Milo." → "What else can you tell me about your son?"). Anything else is undecided.
public struct ReplyFollows: Sendable {
    /// The decision and the reason shown in the note.
    public enum Decision: Sendable, Hashable {
        case follows(String)
        case strays(String)
        case undecided
    }

    public var closed: ClosedAnswerJudge

    public init(closed: ClosedAnswerJudge = ClosedAnswerJudge()) {
        self.closed = closed
    }

    public func decide(reply: String, answering utterance: String) -> Decision {
        let said = TextTokens(reply)
        guard !said.isEmpty else { return .undecided }
        let before = TextTokens(utterance)
        guard let question = lastQuestion(before) else { return statement(before, reply: said) }
        if NonAnswerCues.hasCue(said), !JudgeLexicon.containsAny(DialogueWords.deflections, in: said.words) {
            return .follows("responds without answering")
        }
        let words = question.map(\.text)
        let opener = words.first ?? ""
        let strong = ClosedSignals.find(in: said).contains { $0.strength == .strong }
        if DialogueWords.auxiliaries.contains(opener), strong,
            closed.classify(reply, question: before.quote(range(question, in: before))) != .unknown
        {
            return .follows("answers the yes/no question")
        }
        let asked = Set(words.filter(DialogueWords.isContent).map(ConsistencyContent.singular))
        let person = said.words.contains { DialogueWords.persons.contains($0) }
        let subject = said.words.first(where: DialogueWords.isContent)
        if !person, said.tokens.count > 4, let subject, asked.contains(where: { DialogueWords.sameWord($0, subject) }) {
            return .strays("only talks about a word of the question")
        }
        guard person || said.tokens.count <= 4 else { return .undecided }
        if let kind = DialogueWords.expectedKind(words), DialogueWords.gives(kind, said) {
            return .follows("gives the \(kind.rawValue) asked for")
        }
        let content = said.words.filter(DialogueWords.isContent)
        let reused = content.contains { word in asked.contains { DialogueWords.sameWord($0, word) } }
        let added = content.contains { word in !asked.contains { DialogueWords.sameWord($0, word) } }
        if person, reused, added, !said.tokens.contains(where: said.isQuestion) {
            return .follows("answers about what was asked")
        }
        return .undecided
    }

    private func statement(_ before: TextTokens, reply said: TextTokens) -> Decision {
        let words = before.words
        if DialogueWords.isSocial(words), DialogueWords.isSocial(said.words) { return .follows("answers in kind") }
        let names = DialogueWords.names(before)
        if !names.isEmpty, said.words.contains(where: names.contains) { return .follows("takes up the name said") }
        let topics = words.filter { DialogueWords.isContent($0) && !DialogueWords.persons.contains($0) }
        if said.words.contains(where: { $0 == "your" || $0 == "you" }),
            said.words.contains(where: { word in DialogueWords.isContent(word) && topics.contains { DialogueWords.sameWord($0, word) } })
        {
            return .follows("takes up what was said")
        }
        return .undecided
    }

    /// The tokens of the last sentence that is a question, if any.
    private func lastQuestion(_ text: TextTokens) -> [TextTokens.Token]? {
        guard let last = text.questionSentences.max() else { return nil }
        return text.tokens.filter { $0.sentence == last }
    }

    private func range(_ sentence: [TextTokens.Token], in text: TextTokens) -> Range<Int> {
        guard let first = sentence.first, let start = text.tokens.firstIndex(of: first) else { return 0..<0 }
        return start..<start + sentence.count
    }
}
