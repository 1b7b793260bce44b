import LabCore
import Scoring
import Testing

/// Issue #22: scorers stay fast on hostile, very long replies, and give the same results as before on normal ones.

/// The stutter scorer as it was (cubic): the reference its fast version must match exactly.
private enum CubicStutter {
    static func ngramCounts(_ tokens: [String], _ order: Int) -> [String: Int] {
        var counts: [String: Int] = [:]
        for start in 0...(tokens.count - order) { counts[tokens[start..<(start + order)].joined(separator: " "), default: 0] += 1 }
        return counts
    }

    static func stutter(_ text: String) -> Double {
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let n = tokens.count
        guard n > 2 else { return 0 }
        var sum = 0
        for order in 2..<n { sum += ((ngramCounts(tokens, order).values.max() ?? 1) - 1) * order }
        return Double(sum) / Double(n)
    }

    static func note(_ text: String) -> String? {
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard tokens.count > 2 else { return nil }
        var best: (gram: String, count: Int, order: Int)?
        for order in 2..<tokens.count {
            let counts = ngramCounts(tokens, order)
            guard let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), top.value > 1 else { continue }
            if best == nil || top.value * order >= best!.count * best!.order { best = (top.key, top.value, order) }
        }
        return best.map { "'\($0.gram)' ×\($0.count)" }
    }
}

private func scored(_ replies: [String], threshold: Double = 0.33) -> ScoreResult {
    var turns: [Turn] = []
    for (offset, reply) in replies.enumerated() {
        turns.append(Turn(run: 1, round: offset + 1, index: turns.count + 1, seat: .chatter1, text: "hi", saw: 0))
        turns.append(Turn(run: 1, round: offset + 1, index: turns.count + 1, seat: .chatter2, text: reply, saw: 0))
    }
    return StutterScorer(threshold: threshold).score(ScorerInput(transcript: Transcript(run: 1, turns: turns), seat: .chatter2))
}

@Test func fastStutterGivesTheCubicScorersValuesAndNotes() {
    var random = SeededRandom(seed: 22)
    let vocabularies = [["a", "b"], ["I", "have", "a", "cat", "I", "have"], ["yes", "no", "maybe", "é", "e\u{301}", "x."]]
    var replies = ["I have I have I have a cat.", "yes yes yes yes", "My cat is called Mittens.", "", "ok ok", "a b c"]
    for sample in 0..<300 {
        let words = vocabularies[sample % vocabularies.count]
        let length = Int(random.next() % 41)
        replies.append((0..<length).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " "))
    }
    let result = scored(replies)
    for (offset, reply) in replies.enumerated() {
        let cell = result.cells[2 * offset + 2]
        #expect(cell?.score == CubicStutter.stutter(reply), "\(reply)")
        #expect(cell?.interpretation == CubicStutter.note(reply), "\(reply)")
    }
}

@Test(.timeLimit(.minutes(5))) func stutterFinishesOnLongHostileRepliesAndSaysWhatItScored() {
    // Three 20 KB replies (the old scorer never finished them) and one of 12,000 words, over the bound.
    var random = SeededRandom(seed: 5)
    let words = ["the", "a", "cat", "dog", "I", "have", "my", "is", "and", "you"]
    let prose = (0..<3_500).map { _ in words[Int(random.next() % 10)] }.joined(separator: " ")
    let long = Array(repeating: "yes", count: 12_000).joined(separator: " ")
    let result = scored([prose, String(repeating: "ab ", count: 7_000), prose.uppercased(), long])
    #expect(result.cells.count == 4)
    #expect(result.cells[2]?.interpretation?.contains("scored on the first") != true)
    #expect(result.cells[8]?.interpretation?.hasSuffix("scored on the first 10000 of 12000 words") == true)
    // "yes" × n: Σ over orders 2..n−1 of (n − order)·order, over n.
    let n = 10_000
    let expected = Double((2..<n).reduce(0) { $0 + (n - $1) * $1 }) / Double(n)
    #expect(result.cells[8]?.score == expected)
}
