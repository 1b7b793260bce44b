import LabCore
import Scoring
import Testing
import TestSupport

private let hobbies = TestSet(
    id: "co-hobbies", kind: .co, isClosed: false, expected: .none, information: [],
    questions: ["What are your hobbies?", "What do you like to do in your free time?"])

// Issue 13, as the demo's report showed it: the first reply to the series was a non-answer and became the
// reference; the real answers then failed against it. The scorer now judges the whole series per test set.
@Test func theScorerTakesTheFirstSubstantiveAnswerOfEachSeries() {
    let answer = "My hobbies are hiking, baking and chess."
    var transcript = Conversation.transcript([
        "What are your hobbies?", "That's a tricky one, I'm not sure.",
        "What do you like to do in your free time?", answer,
        "Nice weather today.", "It is.",
        "What are your hobbies?", answer,
        "What do you like to do in your free time?", "Good question! I'm not sure.",
    ])
    for index in [0, 2, 6, 8] {
        transcript.turns[index].probe = ProbeMark(code: "ML-I13", set: "co-hobbies", role: .question, variant: 0)
    }
    let result = ConsistencyScorer().score(ScorerInput(transcript: transcript, seat: .chatter2, testSets: ["co-hobbies": hobbies]))
    let cells = [1, 3, 7, 9].map { transcript.turns[$0].index }.map { result.cells[$0] }
    #expect(cells.map { $0?.verdict } == [Verdict.fail, .skipped, .pass, .fail])
    #expect(cells[0]?.interpretation == "(non-answer) (before the reference)")
    #expect(cells[1]?.interpretation == "hiking baking chess (reference)")
    #expect(cells[2]?.interpretation?.contains("reference: hiking baking chess") == true)
    #expect(result.cells[transcript.turns[5].index] == nil)
}
