import LabCore
import Scoring
import Testing

private func transcript(_ replies: [String], other: String = "Tell me more.") -> Transcript {
    var turns: [Turn] = []
    for (offset, reply) in replies.enumerated() {
        turns.append(Turn(run: 1, round: offset + 1, index: turns.count + 1, seat: .chatter1, text: other, saw: 0))
        turns.append(Turn(run: 1, round: offset + 1, index: turns.count + 1, seat: .chatter2, text: reply, saw: 0))
    }
    return Transcript(run: 1, turns: turns)
}

@Test func questionsAreExtractedAndNormalised() {
    #expect(QuestionExtractor.questions(in: "Nice! How are you? I am fine. And you?") == ["How are you?", "And you?"])
    #expect(QuestionExtractor.normalise("  How ARE   you?? ") == "how are you")
    #expect(QuestionExtractor.questions(in: "No questions here.").isEmpty)
}

@Test func aReplyFailsWhenItRepeatsAnEarlierQuestion() {
    let input = ScorerInput(
        transcript: transcript(["How are you?", "I see. What do you do?", "Cool. how are  YOU", "how are you!?"]),
        seat: .chatter2)
    let result = RepeatedQuestionScorer().score(input)
    #expect(result.cells[2]?.verdict == .pass)
    #expect(result.cells[4]?.verdict == .pass)
    #expect(result.cells[6]?.verdict == .pass)  // no question mark: not a question
    #expect(result.cells[8]?.verdict == .fail)
    #expect(result.cells[8]?.interpretation?.contains("round 1") == true)
    let table = result.tables.first
    #expect(table?.rows.first == [.text("how are you"), .number(2), .number(1)])
}

@Test func questionsOfTheOtherChatterDoNotCount() {
    let input = ScorerInput(transcript: transcript(["How are you?", "Fine."], other: "How are you?"), seat: .chatter2)
    let result = RepeatedQuestionScorer().score(input)
    #expect(result.tally == Tally(passes: 2, total: 2))
}
