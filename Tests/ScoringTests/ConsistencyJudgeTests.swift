import LabCore
import Scoring
import Testing

private let judge = ConsistencyJudge()

@Test func theReferenceIsSkippedNotPassed() {
    let judgments = judge.judge(question: "What is your name?", isClosed: false, replies: ["I'm Ava.", "Ava, nice to meet you!", "Call me Bob."])
    #expect(judgments.map(\.verdict) == [.skipped, .pass, .fail])
    #expect(judgments[0].extracted == "ava (reference)")
    #expect(!judgments[0].verdict.counts)
    #expect(judge.judge(question: "Q?", isClosed: false, replies: []).isEmpty)
}

@Test func openAnswersCompareKeyContent() {
    let question = "How old are you?"
    #expect(judge.compare(question: question, isClosed: false, reference: "I am 3 years old.", reply: "I'm three.").verdict == .pass)
    #expect(judge.compare(question: question, isClosed: false, reference: "I'm 25.", reply: "I'm 26.").verdict == .fail)
    #expect(judge.compare(question: question, isClosed: false, reference: "I'm 25.", reply: "I don't know.").verdict == .fail)
    let city = "Where do you live?"
    #expect(judge.compare(question: city, isClosed: false, reference: "In Paris.", reply: "I live in Paris, France.").verdict == .pass)
    #expect(judge.compare(question: city, isClosed: false, reference: "In Paris.", reply: "In London.").verdict == .fail)
}

@Test func closedAnswersCompareYesAndNo() {
    let question = "Do you have a sister?"
    let judgments = judge.judge(question: question, isClosed: true, replies: ["Yes.", "Yep, I do.", "No.", "Not sure."])
    #expect(judgments.map(\.verdict) == [.skipped, .pass, .fail, .fail])
    #expect(judgments[2].extracted == "no (reference: yes \"Yes.\")")
    #expect(judge.compare(question: question, isClosed: true, reference: "Dunno", reply: "No idea").verdict == .fail)
}

// Issue 13: the demo's bot answered "What are your hobbies?" with a non-answer first; that non-answer became the
// reference ("1" from "tricky one"), four identical real answers failed against it and other non-answers passed.
@Test func aNonAnswerIsNeverTheReference() {
    let hobbies = "My hobbies are hiking, baking and chess."
    let replies = ["That's a tricky one, I'm not sure.", hobbies, "Hmm, I can't answer that one.", hobbies, hobbies,
        "Good question! I'm not sure.", hobbies, "I like chess, hiking and baking."]
    let judgments = judge.judge(question: "What are your hobbies?", isClosed: false, replies: replies)
    #expect(judgments.map(\.verdict) == [.fail, .skipped, .fail, .pass, .pass, .fail, .pass, .pass])
    #expect(judgments[1].extracted == "hiking baking chess (reference)")
    #expect(judgments[0].extracted.hasPrefix("(non-answer)"))
    #expect(judgments[3].extracted.contains("reference: hiking baking chess \"\(hobbies)\""))
    #expect(judge.compare(question: "What are your hobbies?", isClosed: false, reference: hobbies, reply: "I play golf.").verdict == .fail)
}

@Test func contentIsTheSetOfAnswerItems() {
    let question = "What are your hobbies?"
    #expect(judge.content(of: "Good question!", question: question, isClosed: false).isSubstantive == false)
    #expect(judge.content(of: "I can't answer that one.", question: question, isClosed: false).items == [])
    #expect(judge.content(of: "Hiking and chess.", question: question, isClosed: false).items == ["hiking", "chess"])
    #expect(judge.content(of: "I have one sister, Mia.", question: "Do you have siblings?", isClosed: false).items == ["1", "mia"])
    #expect(judge.content(of: "Just one.", question: "How many sisters do you have?", isClosed: false).items == ["1"])
}

@Test func aSeriesWithoutASubstantiveAnswerSaysSo() {
    let judgments = judge.judge(question: "How old are you?", isClosed: false, replies: ["That is hard to say.", "Good question! I'm not sure."])
    #expect(judgments.map(\.verdict) == [.fail, .fail])
    #expect(judgments.allSatisfy { $0.extracted.contains("no substantive answer in the series") })
    let closed = judge.judge(question: "Do you have a pet?", isClosed: true, replies: ["Why do you ask?", "Yes, a tortoise.", "Yep."])
    #expect(closed.map(\.verdict) == [.fail, .skipped, .pass])
}

@Test func wordsOfAnyWordingOfTheQuestionAreNotContent() {
    let series = [
        ConsistencyJudge.Exchange(question: "What do you like to do in your free time?", reply: "My hobbies are hiking and chess."),
        ConsistencyJudge.Exchange(question: "What are your hobbies?", reply: "Hiking and chess."),
        ConsistencyJudge.Exchange(question: "What is your favourite food?", reply: "My favourite food is lasagne."),
    ]
    let judgments = judge.judge(series: Array(series.prefix(2)), isClosed: false)
    #expect(judgments[0].extracted == "hiking chess (reference)")
    #expect(judgments[1].verdict == .pass)
    #expect(judge.judge(series: [series[2]], isClosed: false)[0].extracted == "lasagne (reference)")
    let hobby = ConsistencyJudge.Exchange(question: "What is your favourite hobby?", reply: "My hobbies are hiking and chess.")
    #expect(judge.judge(series: [hobby], isClosed: false)[0].extracted == "hiking chess (reference)")
}
