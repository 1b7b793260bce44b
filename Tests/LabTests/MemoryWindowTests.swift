import Lab
import LabCore
import Testing

private let history = [
    Utterance(seat: .chatter1, text: "one two three"),
    Utterance(seat: .chatter2, text: "four five"),
    Utterance(seat: .chatter1, text: "six seven eight nine"),
]

@Test func utteranceWindowKeepsTheLastN() {
    #expect(MemoryWindow.utterances(2).visible(history) == Array(history.suffix(2)))
    #expect(MemoryWindow.utterances(10).visible(history) == history)
    #expect(MemoryWindow.all.visible(history) == history)
}

@Test func tokenWindowKeepsWholeUtterancesWithinTheBudget() {
    #expect(MemoryWindow.tokens(6).visible(history) == Array(history.suffix(2)))
    #expect(MemoryWindow.tokens(5).visible(history) == Array(history.suffix(1)))
    #expect(MemoryWindow.tokens(9).visible(history) == history)
    // The latest utterance is always shown, including the one being answered.
    #expect(MemoryWindow.tokens(1).visible(history) == Array(history.suffix(1)))
    #expect(MemoryWindow.tokens(3).visible([]) == [])
}
