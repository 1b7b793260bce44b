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
    #expect(judgments[2].extracted == "no (reference: yes)")
    #expect(judge.compare(question: question, isClosed: true, reference: "Dunno", reply: "No idea").verdict == .fail)
}
