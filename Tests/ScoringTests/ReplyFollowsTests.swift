import LabCore
import Scoring
import Testing
import TestSupport

private let rules = ReplyFollows()

private func follows(_ reply: String, _ utterance: String) -> Bool? {
    switch rules.decide(reply: reply, answering: utterance) {
    case .follows: return true
    case .strays: return false
    case .undecided: return nil
    }
}

// Issue 13: the demo failed correct replies ("How old are you?" → "I am 29 years old." scored 0.04) and passed a
// reply that only reuses the question's words.
@Test func directAnswersAndResponsiveNonAnswersFollow() {
    #expect(follows("I am 29 years old.", "How old are you?") == true)
    #expect(follows("Nice to meet you, Alice!", "My name is Alice.") == true)
    #expect(follows("I don't think you told me that.", "What is my cat called?") == true)
    #expect(follows("Hmm, I can't answer that one.", "Where do I live?") == true)
    #expect(follows("Yes, a tortoise called Pebble.", "Do you have any pets?") == true)
    #expect(follows("Robin.", "What is your name?") == true)
    #expect(follows("The fourth of May.", "When is your birthday?") == true)
    #expect(follows("My birthday is on the fourth of May.", "When is your birthday?") == true)
    #expect(follows("Good morning to you too!", "Good morning!") == true)
}

@Test func ridingOnAWordOfTheQuestionDoesNotFollow() {
    #expect(follows("Pets are animals that live in houses.", "Do you have any pets?") == false)
    #expect(follows("Living in a city has its pros and cons.", "Where do you live?") == false)
    #expect(follows("Names are words by which people are known.", "What is your name?") == false)
}

@Test func unclearCasesAreLeftToSimilarity() {
    #expect(follows("The train leaves at nine.", "How old are you?") == nil)
    #expect(follows("Not yet, but Kyoto is at the top of my list.", "Is it going to be sunny tomorrow?") == nil)
    #expect(follows("Paris.", "What do you do for a living?") == nil)
    #expect(follows("I'm fine, thanks. And you?", "I'm thinking of adopting a kitten.") == nil)
}

@Test func theScorerUsesTheRulesAndKeepsCosineAsAnOption() async {
    let input = ScorerInput(transcript: Conversation.transcript(["How old are you?", "I am 29 years old."]), seat: .chatter2)
    let strict = 0.99  // similarity alone fails the reply
    let byRules = await CoherenceScorer(scope: .lastUtterance, encoder: HashingEncoder(), threshold: strict).score(input)
    let byCosine = await CoherenceScorer(scope: .lastUtterance, encoder: HashingEncoder(), threshold: strict, method: .cosine)
        .score(input)
    #expect(byRules.cells[2]?.verdict == .pass)
    #expect(byRules.cells[2]?.interpretation?.hasPrefix("follows: gives the number asked for") == true)
    #expect(byCosine.cells[2]?.verdict == .fail)
}

@Test func answersAboutWhatWasAskedAndTakingUpATopicFollow() {
    #expect(follows("My favourite colour is green.", "Which colour do you like best?") == true)
    #expect(follows("Good to know! What else can you tell me about your son?", "My son is called Milo.") == true)
    #expect(follows("Let's talk about something else.", "What is my cat called?") == nil)
    #expect(follows("I really love Italian pasta, especially lasagne.", "What did you have for breakfast?") == nil)
}

@Test func aJobAnswersWhatSomeoneDoes() {
    #expect(follows("You are a plumber.", "I had a long day at work. What do I do for a living?") == true)
    #expect(follows("I work as a nurse at the city hospital.", "What do you do for a living?") == true)
    #expect(follows("Paris.", "What do you do for a living?") == nil)
}
