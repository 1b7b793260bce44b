
/// One entry of the test-set database: a fact and questions about it (or, for CO, questions to the bot about itself).
public struct TestSet: Codable, Sendable, Hashable {
    /// What kind of probe a set feeds.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// Question–answer: plain information, plain questions.
        case qa = "QA"
        /// Consistency: questions to the chatter about itself; its first answer is the reference.
        case co = "CO"
        /// Context-dependent information ("I have a cat. Its name is Mittens.").
        case ia = "IA"
        /// Context-dependent questions ("I love my cat. What is its name?").
        case iq = "IQ"
    }

    /// The answer a reply must give.
    public enum Expected: Codable, Sendable, Hashable {
        /// Open question: this text, or one of the aliases.
        case text(String, aliases: [String])
        /// Closed question: yes or no.
        case yes
        case no
        /// Consistency sets have none: the first answer becomes the reference.
        case none
    }

    public var id: String
    public var kind: Kind
    /// A yes/no question.
    public var isClosed: Bool
    public var topic: String?
    public var expected: Expected
    /// For open sets: the question a judge asks of the reply ("What is the name of the cat?").
    public var extraction: String?
    public var information: [String]
    public var questions: [String]
    /// Where the set is written, `file:line:column`, for messages.
    public var source: String?

    public init(
        id: String, kind: Kind, isClosed: Bool, topic: String? = nil, expected: Expected, extraction: String? = nil,
        information: [String], questions: [String], source: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.isClosed = isClosed
        self.topic = topic
        self.expected = expected
        self.extraction = extraction
        self.information = information
        self.questions = questions
        self.source = source
    }

    /// The accepted answers of an open set, expected first.
    public var acceptedAnswers: [String] {
        if case .text(let answer, let aliases) = expected { return [answer] + aliases }
        return []
    }

    /// The expected answer as people read it: the text, `yes`, `no`, or `-`.
    public var expectedDescription: String {
        switch expected {
        case .text(let answer, _): return answer
        case .yes: return "yes"
        case .no: return "no"
        case .none: return "-"
        }
    }
}
