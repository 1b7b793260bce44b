/// One line per test code: what the check is about, for the Overview and Legend sheets.
public enum CodeMeanings {
    public static let all: [(code: String, meaning: String)] = [
        ("ML-A6", "Stuttering: the reply repeats words or phrases (stutter score above 0.33 fails)."),
        ("ML-A7", "Repeated questions: the reply asks a question already asked in the conversation."),
        ("RT", "Response time: the reply came within the allowed seconds."),
        ("ML-I1", "Long-term memory: a fact is told, then asked about 1 to several rounds later."),
        ("ML-I4", "Differently formulated information: a random wording of the fact, asked the next round."),
        ("ML-I5", "Differently formulated questions: the fact, then a random wording of the question."),
        ("ML-I6", "Context-dependent information (\"I have a cat. Its name is Mittens\"), asked the next round."),
        ("ML-I7", "Context-dependent question (\"I love my cat. What is its name?\")."),
        ("ML-I13", "Consistency: asked about itself several times, the bot keeps its first answer."),
        ("ML-U3", "Typos in the question: the answer survives misspelt words (histogram by typo level)."),
        ("ML-U4", "Word-order swaps in the question (histogram by number of swaps)."),
        ("ML-U5", "Words left out of the question (histogram by share of words left out)."),
        ("ML-U6", "Words replaced by random words in the question (histogram by share replaced)."),
        ("ML-I2", "Coherence with the conversation so far."),
        ("ML-I3", "Coherence with the last utterance."),
        ("ML-P1", "Toxicity in 7 categories (any category above 0.1 fails)."),
    ]

    /// The meaning of a code, or `nil` for a code not in the table.
    public static func meaning(_ code: String) -> String? {
        all.first { $0.code == code }?.meaning
    }
}
