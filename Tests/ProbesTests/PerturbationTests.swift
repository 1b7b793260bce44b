import LabCore
import Probes
import Testing

private let question = "What is the name of my cat?"
private let perturbations: [any Perturbation] = [
    TypoPerturbation(), SwapPerturbation(), OmissionPerturbation(), ReplacementPerturbation(),
]

@Test(arguments: 0..<4)
func perturbationsAreSeededAndTidy(which: Int) {
    let perturbation = perturbations[which]
    var changedAtLeastOnce = false
    for seed in UInt64(0)..<200 {
        var a = SeededRandom(seed: seed)
        var b = SeededRandom(seed: seed)
        let first = perturbation.apply(question, random: &a)
        #expect(first == perturbation.apply(question, random: &b))
        #expect(!first.text.contains("  "))
        #expect(first.text == first.text.trimmingCharacters(in: .whitespaces))
        #expect(first.text.hasSuffix("?"))
        #expect((0...19).contains(first.bucket))
        #expect(first.record["bucket"] == Double(first.bucket))
        #expect(first.record["edit_distance"] != nil)
        if first.text != question { changedAtLeastOnce = true }
        if first.text == question { #expect(first.record["edit_distance"] == 0) }
    }
    #expect(changedAtLeastOnce)
}

@Test func typosRecordRequestedAndActualChanges() {
    for seed in UInt64(0)..<100 {
        var random = SeededRandom(seed: seed)
        let result = TypoPerturbation().apply(question, random: &random)
        let share = result.record["share"]!
        let perWord = result.record["typos_per_word"]!
        #expect((0..<1).contains(share))
        #expect((1...5).contains(perWord))
        #expect(result.record["words_changed"]! <= result.record["words_chosen"]!)
        let made = result.record["typos_made"]!
        #expect(made <= result.record["words_chosen"]! * perWord)
        #expect(result.bucket == min(19, Int(made / 7 * 4)))  // the realised level
        #expect(result.text.split(separator: " ").count == 7)
    }
}

@Test func swapsKeepTheWordsAndCountTheSwaps() {
    for seed in UInt64(0)..<100 {
        var random = SeededRandom(seed: seed)
        let result = SwapPerturbation().apply(question, random: &random)
        let words = { (text: String) in text.dropLast().lowercased().split(separator: " ").map(String.init).sorted() }
        #expect(words(result.text) == words(question))
        #expect(result.bucket == Int(result.record["swaps"]!))
        #expect(result.record["swaps"]! <= 6)
        #expect(result.text.first?.isUppercase == true)
    }
}

@Test func omissionsKeepAtLeastOneWord() {
    for seed in UInt64(0)..<100 {
        var random = SeededRandom(seed: seed)
        let result = OmissionPerturbation().apply("Why?", random: &random)
        #expect(result.text == "Why?")
        var other = SeededRandom(seed: seed)
        let longer = OmissionPerturbation().apply(question, random: &other)
        #expect(longer.text.split(separator: " ").count == 7 - Int(longer.record["words_removed"]!))
        #expect(longer.bucket == min(19, Int(longer.record["realised_share"]! * 20)))
    }
}

@Test func replacementsUseTheVocabulary() {
    var random = SeededRandom(seed: 1)
    var replaced = 0
    for _ in 0..<50 {
        let result = ReplacementPerturbation(vocabulary: ["banana"]).apply(question, random: &random)
        let words = result.text.dropLast().lowercased().split(separator: " ")
        replaced += words.filter { $0 == "banana" }.count
        #expect(words.filter { $0 == "banana" }.count == Int(result.record["words_replaced"]!))
    }
    #expect(replaced > 0)
}

// Issue 13: perturbations made unanswerable questions ("Is my?", "I?", "Owner?", "Sing bicycle month breakfast party
// truck earth?"). The words naming what is asked about, the question word and "I"/"my" are kept.
@Test(arguments: ["Am I a dog owner?", "What is my favourite kind of music?", "Can you tell me my wife's name?"])
func perturbedQuestionsKeepTheirAnswerBearingWords(_ text: String) {
    let mustKeep: [String: [String]] = [
        "Am I a dog owner?": ["Am", "I", "dog", "owner"],
        "What is my favourite kind of music?": ["What", "my", "favourite", "kind", "music"],
        "Can you tell me my wife's name?": ["Can", "me", "my", "wife's", "name"],
    ]
    for seed in UInt64(0)..<200 {
        for perturbation in [OmissionPerturbation(), ReplacementPerturbation()] as [any Perturbation] {
            var random = SeededRandom(seed: seed)
            let words = perturbation.apply(text, random: &random).text.dropLast().split(separator: " ").map(String.init)
            for word in mustKeep[text]! {
                #expect(words.contains { $0.lowercased() == word.lowercased() }, "\(perturbation.code) lost \(word): \(words)")
            }
        }
        var random = SeededRandom(seed: seed)
        let typed = TypoPerturbation().apply(text, random: &random).text.dropLast().split(separator: " ").map(String.init)
        let original = text.dropLast().split(separator: " ").map(String.init)
        for (before, after) in zip(original, typed) where mustKeep[text]!.contains(before) {
            #expect(EditDistance.between(before.lowercased(), after.lowercased()) <= (before.count >= 4 ? 1 : 0), "\(before) → \(after)")
        }
    }
}

@Test func levelsStillCoverTheWholeRange() {
    for perturbation in [OmissionPerturbation(), ReplacementPerturbation()] as [any Perturbation] {
        var buckets = Set<Int>()
        for seed in UInt64(0)..<300 {
            var random = SeededRandom(seed: seed)
            buckets.insert(perturbation.apply("What is the name of the street where I live?", random: &random).bucket)
        }
        #expect(buckets.contains(0) && buckets.contains(19), "\(perturbation.code): \(buckets.sorted())")
        #expect(buckets.count >= 5)
    }
}
