import LabCore

/// Reads the visible history from one seat: learns the other speaker's facts in order and keeps the questions of
/// their last utterance, each with the thing its pronouns refer to.
enum ConversationReader {
    struct Question: Sendable {
        var tokens: [Token]
        /// What `it`, `he`, `she` meant where the question was asked.
        var context: String?
    }

    /// One utterance of the other speaker.
    struct Utterance: Sendable {
        var facts: [Fact] = []
        var questions: [Question] = []
        var keys: [String] = []
    }

    struct Reading: Sendable {
        var memory = FactMemory()
        /// The other speaker's last visible utterance, or `nil` if they have not spoken in the window.
        var last: Utterance?
    }

    static func read(_ history: [LabCore.Utterance], seat: Seat) -> Reading {
        var reading = Reading()
        var extractor = FactExtractor()
        for utterance in history where utterance.seat != seat {
            extractor.startUtterance()
            var current = Utterance()
            for sentence in TextSplitter.sentences(utterance.text) {
                current.keys += sentence.keys
                if sentence.isQuestion {
                    current.questions.append(Question(tokens: sentence.tokens, context: extractor.context))
                    extractor.question(sentence.tokens)
                } else {
                    let facts = extractor.statement(sentence.tokens)
                    for fact in facts { reading.memory.learn(fact) }
                    current.facts += facts
                }
            }
            reading.last = current
        }
        return reading
    }
}
