/// The yes/no phrases ``ClosedAnswerJudge`` looks for, as normalised words ("don't" is "do not").
enum ClosedAnswerPhrases {
    enum Strength: Int, Comparable, Sendable {
        /// Not a signal at all; only keeps its words from being read as one ("no problem").
        case neutral = -1
        /// Said only in passing ("you have no cat", "you do"): counts when nothing stronger is said.
        case weak = 0
        /// A non-answer phrase ("not sure"): beats weak signals, loses to strong ones.
        case hedge = 1
        /// An answer word or formula ("yes", "of course not", "I don't think so").
        case strong = 2

        static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Entry: Sendable {
        var words: [String]
        var answer: ClosedAnswer
        var strength: Strength
    }

    static let yes = JudgeLexicon.phrases([
        "yes", "yeah", "yea", "yep", "yup", "ya", "yah", "aye", "ja", "oui", "sure", "surely", "of course",
        "absolutely", "definitely", "certainly", "indeed", "correct", "exactly", "affirmative", "totally", "obviously",
        "naturally", "uh huh", "mm hmm", "mhm", "mmhmm", "that is right", "that is correct", "that is true",
        "you are right", "you are correct", "that is it", "i think so", "i believe so", "i guess so", "i suppose so",
        "i would say so", "no doubt", "without a doubt", "no doubt about it", "you bet", "for sure", "of course you do",
        "i am sure", "i am certain", "right you are",
    ])

    static let no = JudgeLexicon.phrases([
        "no", "nope", "nah", "nay", "nein", "non", "nej", "negative", "not at all", "of course not", "absolutely not",
        "definitely not", "certainly not", "surely not", "not really", "not quite", "i do not think so",
        "i do not believe so", "i think not", "i doubt it", "i doubt that", "not that i know of", "never",
        "not that i am aware of", "not as far as i know", "no way", "uh uh", "nuh uh", "that is wrong",
        "that is not right", "that is not true", "that is not correct", "that is incorrect", "incorrect", "not true",
        "not correct", "by no means", "not at all true",
    ])

    static let unknown = JudgeLexicon.nonAnswers + JudgeLexicon.phrases([
        "maybe", "perhaps", "possibly", "yes and no", "no and yes", "not at all sure", "not so sure", "i am not sure",
        "it depends", "depends", "might be", "could be", "either way", "not certain", "hard to tell", "who can say",
    ])

    /// Liking said of the thing asked about ("I love it!", "You adore them"): a weak yes, unless negated in its clause.
    static let liking = JudgeLexicon.phrases([
        "love it", "loves it", "love them", "loves them", "adore it", "adores it", "adore them", "enjoy it",
        "enjoys it", "enjoy them", "like it", "likes it", "like them", "likes them", "crazy about it", "big fan",
    ])

    /// Phrases that look like answers but are not ("no problem"); they give no signal.
    static let neutral = JudgeLexicon.phrases(["no problem", "no worries", "know", "no matter", "never mind"])

    /// Words that answer only when they are a clause on their own ("Right.", "True!").
    static let soloYes: Set<String> = ["right", "true", "agreed", "affirmative", "yes"]
    static let soloNo: Set<String> = ["false", "wrong", "untrue"]

    /// Interjections that may come before a clause-opening "no" ("Oh no, ...").
    static let interjections: Set<String> = ["oh", "well", "um", "uh", "hmm", "hm", "ah", "er", "erm", "ahh"]

    /// Clause openers after which the reply corrects itself; the last part decides ("No - sorry, yes").
    static let corrections = JudgeLexicon.phrases([
        "sorry", "wait", "i mean", "actually", "correction", "oops", "scratch that", "on second thought",
    ])

    /// Subjects and auxiliaries whose pair at the end of a clause is an elliptic yes ("Sure you do", "I know you do").
    static let subjects: Set<String> = ["you", "i", "it", "he", "she", "they", "we", "that"]
    static let auxiliaries: Set<String> = ["do", "does", "did", "are", "is", "am", "have", "has", "can", "will", "was", "were"]

    static let entries: [Entry] =
        yes.map { Entry(words: $0, answer: .yes, strength: .strong) }
        + no.map { Entry(words: $0, answer: .no, strength: .strong) }
        + liking.map { Entry(words: $0, answer: .yes, strength: .weak) }
        + unknown.map { Entry(words: $0, answer: .unknown, strength: .hedge) }
        + neutral.map { Entry(words: $0, answer: .unknown, strength: .neutral) }
}
