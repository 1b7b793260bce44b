/// Word lists shared by the answer judges. All entries are normalised the way ``TextTokens`` normalises
/// (lower case, contractions expanded: "don't" is "do not").
enum JudgeLexicon {
    /// Words that never are an answer by themselves: function words, pronouns, auxiliaries, hedges, and the words
    /// chatbots wrap answers in ("name", "called", "remember").
    static let stopwords: Set<String> = Set("""
        a an the and or but if so as at by for from in into of on onto to with without about over under up down out \
        off than then there here this that these those it its is am are was were be been being do does did doing done \
        have has had having will would shall should can could may might must i me my mine myself you your yours \
        yourself we us our ours they them their he him his she her hers who whom whose what which where when why how \
        not no nor yes yeah yep yup nope nah sure maybe perhaps probably possibly think thought believe guess suppose \
        remember recall recalled know knew known told tell said say says mentioned mention called call named name \
        names just really very quite pretty well oh ah hmm hm um uh er okay ok right correct correctly indeed course \
        certainly definitely surely obviously of course again too also only still yet all any some one ones thing \
        let lets please thanks thank sorry actually wait mean like would dear lovely beloved little good sweet cute \
        wonderful great nice always never ever now once while because since though although whether either neither \
        each every both such own same other another much many more most few lot lots kind sort something anything \
        nothing everything someone anyone nobody everybody somebody everyone knows thinks says calls remembers \
        believes guesses means
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Words that may stand right before an answer without making it a different thing ("you play tennis",
    /// "your lovely Mittens"), besides stopwords and the question's own words. Table tennis is not tennis.
    static let neutralBeforeAnswer: Set<String> = Set("""
        play plays drive drives drove live lives work works like likes love loves adore adores eat eats ate drink \
        drinks drank speak speaks spoke learn learns learnt study studies support supports own owns bought buy buys \
        got get gets order orders grew grow move moves born met meet meets visit visits go goes went use uses keep \
        keeps kept wear wears prefer prefers enjoy enjoys has had fan big old favourite favorite best answer guess \
        reckon bet definitely probably
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Phrases that say the reply does not know or was not told; a reply with one and no answer is a non-answer.
    static let nonAnswers: [[String]] = phrases([
        "i do not know", "do not know", "dunno", "no idea", "not sure", "not certain", "unsure", "no clue",
        "never told", "never said", "never mentioned", "not told", "did not tell", "did not say", "did not mention",
        "have not told", "have not said", "have not mentioned", "nobody told", "no one told", "do not remember",
        "can not remember", "can not recall", "do not recall", "i forget", "i forgot", "not remember", "can not say",
        "can not tell", "hard to say", "who knows", "let me think", "no information", "not mentioned",
        "not that you mentioned", "not that you said", "not that you told", "not that i was told",
        // declining, deflecting, commenting on the question instead of answering it
        "can not answer", "not able to answer", "unable to answer", "unable to say", "no way of knowing",
        "no way to know", "no way to tell", "would not know", "could not say", "could not tell", "beats me",
        "search me", "rather not say", "prefer not to say", "no comment", "i will pass", "pass on that",
        "good question", "great question", "tough question", "tricky question", "hard question", "difficult question",
        "interesting question", "tricky one", "tough one", "hard one", "difficult one", "good one",
        "how would i know", "how should i know", "how could i know", "how am i supposed to know", "why do you ask",
        "why would you ask", "why do you want to know", "what do you think", "you tell me", "let us talk about",
        "let us change the subject", "change the subject", "talk about something else", "ask me something else",
        "tell me more about", "tell me about", "no recollection", "no memory of", "not in a position",
        "can not help you with", "not something i know", "lost track", "drawing a blank", "my mind is blank",
        "i am not the one to ask", "have no record", "no record of", "can not be certain",
    ])

    /// Words that open a subject and so make the next word a verb, not a modifier ("Everyone loves Biscuit").
    static let subjects: Set<String> = [
        "i", "you", "he", "she", "it", "we", "they", "everyone", "everybody", "someone", "somebody", "who", "that",
    ]

    /// Phrases before an answer, in its clause, that put it in the past or deny it ("You used to be a nurse").
    static let formerly: [[String]] = phrases(["used to", "no longer", "formerly", "previously", "once was"])

    /// Clause openers after an answer that replace it ("..., but now you teach").
    static let replacements: [[String]] = phrases([
        "but now", "not anymore", "not any more", "but not anymore", "but then you said", "but then you told me",
        "but later you said", "but you also said",
    ])

    /// Filler words ignored when matching answers ("the third of March" matches "3 March").
    static let fillers: Set<String> = ["the", "a", "an", "of"]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Words that negate what follows in their clause ("isn't called Mittens", "not Mittens", "never Mittens").
    static let negations: Set<String> = ["not", "no", "never", "nor", "neither"]

    /// Clause openers that take back what came before ("Is it Mittens? No, I don't think so.").
    static let retractions: [[String]] = phrases([
        "no", "nope", "nah", "wait", "actually", "sorry", "i mean", "i do not think so", "not really", "or",
        "oops", "correction", "scratch that", "rather",
    ])

    /// Clause openers that look like retractions but agree ("Mittens, no doubt").
    static let nonRetractions: [[String]] = phrases(["no doubt", "no question", "no problem"])

    /// Splits each phrase into normalised words.
    static func phrases(_ texts: [String]) -> [[String]] {
        texts.map { $0.split(separator: " ").map(String.init) }
    }

    /// True if `words` starts with `phrase` at `start`.
    static func matches(_ phrase: [String], in words: [String], at start: Int) -> Bool {
        guard start >= 0, start + phrase.count <= words.count else { return false }
        return phrase.indices.allSatisfy { words[start + $0] == phrase[$0] }
    }

    /// True if any of `phrases` occurs anywhere in `words`.
    static func containsAny(_ phrases: [[String]], in words: [String]) -> Bool {
        words.indices.contains { start in phrases.contains { matches($0, in: words, at: start) } }
    }
}
