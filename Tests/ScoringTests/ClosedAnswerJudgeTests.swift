import LabCore
import Scoring
import Testing

private let judge = ClosedAnswerJudge()

private func answer(_ reply: String, _ question: String = "Do I have a cat?") -> ClosedAnswer {
    judge.classify(reply, question: question)
}

@Test(arguments: [
    "No.", "Nope.", "nah", "Not at all.", "Of course not!", "I don't think so.", "Not that I know of.",
    "Not as far as I know.", "You don't.", "You have no cat.", "Never.", "Negative.", "Nein.", "Certainly not.",
    "No, you have a dog.", "Oh no, you don't.", "Nope, just the dog.",
])
func negationsAreNo(_ reply: String) {
    #expect(answer(reply) == .no)
}

@Test(arguments: [
    "Yes.", "Yep", "Yeah!", "Sure.", "Of course!", "Absolutely.", "Indeed.", "That's right.", "Correct.",
    "You do.", "Uh-huh.", "Sure you do.", "No doubt about it.", "I know you do.", "Right.", "Yes, a lovely one.",
])
func affirmationsAreYes(_ reply: String) {
    #expect(answer(reply) == .yes)
}

@Test(arguments: [
    "I don't know.", "Nobody told me.", "Not sure.", "Not at all sure.", "Yes and no.", "Why do you ask?",
    "Maybe?", "Hmm, let me think.", "You never said.", "Cats are wonderful pets!", "Not that you mentioned.",
    "I'm not sure you told me.", "", "Isn't it a dog?",
])
func nonAnswersAreUnknown(_ reply: String) {
    #expect(answer(reply) == .unknown)
}

@Test func knowIsNotNo() {
    #expect(answer("I know.") == .unknown)
    #expect(answer("I know you have a cat.") == .yes)
    #expect(answer("Now I know.") == .unknown)
}

@Test func selfCorrectionTakesTheFinalAnswer() {
    #expect(answer("No - sorry, yes, you do.") == .yes)
    #expect(answer("Yes - wait, no.") == .no)
    #expect(answer("No no no, yes.") == .yes)
    #expect(answer("Actually, no.") == .no)
}

@Test func answerWordsBeatPassingNegations() {
    #expect(answer("Yes, you don't eat meat.", "Am I a vegetarian?") == .yes)
    #expect(answer("Nope, you can't stand raw fish.", "Do I like sushi?") == .no)
    #expect(answer("Who doesn't? Of course you do.", "Do I like sushi?") == .yes)
}

@Test func restatementsAreMatchedAgainstTheQuestion() {
    #expect(answer("You live in Rome.", "Do I live in Rome?") == .yes)
    #expect(answer("You live in Rome.", "Do I live in Paris?") == .no)
    #expect(answer("I know you play the piano.", "Do I play the piano?") == .yes)
    #expect(answer("Cars are expensive these days.", "Do I own a car?") == .unknown)
    #expect(answer("You're single.", "Am I married?") == .unknown)
}

@Test func verdictComparesWithTheExpectedAnswer() {
    let yes = JudgeItem(question: "Do I have a dog?", expected: .yes, reply: "Yep, Biscuit.")
    #expect(judge.judge(yes) == Judgment(verdict: .pass, extracted: "yes"))
    let no = JudgeItem(question: "Do I have a cat?", expected: .no, reply: "Yes.")
    #expect(judge.judge(no) == Judgment(verdict: .fail, extracted: "yes"))
    let unknown = JudgeItem(question: "Do I have a cat?", expected: .no, reply: "No idea.")
    #expect(judge.judge(unknown) == Judgment(verdict: .fail, extracted: "unknown"))
    let open = JudgeItem(question: "Name?", expected: .text("Ava", aliases: []), reply: "Ava")
    #expect(judge.judge(open).verdict == .skipped)
}

// Issue 13: the reference bot's non-answers ("I don't think you told me that.", "Hmm, I can't answer that one.")
// were read as a "no" and passed every question whose answer is no. A reply that neither affirms nor denies fails
// whatever the expected answer.
@Test(arguments: [
    "I don't think you told me that.", "Hmm, I can't answer that one.", "Good question! I'm not sure.",
    "That's a tricky one, I'm not sure.", "That is hard to say.", "I have no way of knowing.", "No idea!",
    "You never actually told me.", "I don't remember you mentioning one.", "I couldn't say.", "I wouldn't know.",
    "Why do you want to know?", "What do you think?", "Let's talk about something else.",
    "Nice, tell me more about your dog.", "I can't be sure about that.", "Not something you've shared with me.",
    "No, you never told me about a dog.", "Hmm, let me think... no, I don't remember.", "I don't have that in my memory.",
    "I'm afraid I can't help with that.",
])
func nonAnswersFailWhateverTheExpectedAnswer(_ reply: String) {
    for expected in [TestSet.Expected.yes, .no] {
        let judgment = judge.judge(JudgeItem(question: "Do I have a dog?", expected: expected, reply: reply))
        #expect(judgment.verdict == .fail, "\(reply) judged \(judgment.extracted) for expected \(expected)")
        #expect(judgment.extracted == "unknown")
    }
}

@Test func denialsWithNegatedVerbsStayNo() {
    #expect(answer("You don't have a dog.", "Do I have a dog?") == .no)
    #expect(answer("No, you told me you have a cat.", "Do I have a dog?") == .no)
    #expect(answer("Not that I know of.", "Do I have a dog?") == .no)
    #expect(answer("You don't have a dog, you told me you have a cat.", "Do I have a dog?") == .no)
}

@Test func likingTheThingAskedAboutIsYes() {
    #expect(answer("You love it!", "Do I like sushi?") == .yes)
    #expect(answer("I adore them.", "Do you like cats?") == .yes)
    #expect(answer("You don't like it at all.", "Do I like sushi?") == .no)
}

@Test func anEllipticYesNeedsNothingButAnswerWordsBeforeIt() {
    #expect(answer("Sure you do.") == .yes)
    #expect(answer("What a lovely day it is.", "Is my name Alice?") == .unknown)
}
