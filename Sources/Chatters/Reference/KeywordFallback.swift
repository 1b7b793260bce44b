/// A last resort for open questions about the speaker that no pattern matched, e.g. with typos or words left out
/// ("Wat is my cta called?", "What is cat called?"): looks for a thing the speaker mentioned and a cue word
/// (`name`, `old`, `live`...), allowing one typo in words of four letters or more.
///
/// It only ever builds open questions, so it cannot turn a misread into a yes or a no.
enum KeywordFallback {
    static let cues: [(words: [String], attribute: Attribute)] = [
        (["birthday"], .birthday), (["born"], .birth), (["weather"], .description), (["old", "age"], .age),
        (["name", "called", "named", "call"], .name), (["live", "lives", "reside"], .home), (["from"], .origin),
        (["job", "profession", "occupation", "work", "living"], .job), (["car", "drive"], .car),
        (["hobby", "hobbies"], .hobby), (["like", "love", "enjoy"], .likes),
    ]

    static func query(_ tokens: [Token], memory: FactMemory, context: String?) -> Query? {
        let keys = Phrase.tidy(tokens).map(\.key).filter { $0 != "," }
        guard let first = keys.first, !QuestionParser.auxiliaries.contains(first),
            Set(keys).isDisjoint(with: ["you", "your", "yours", "yourself"])
        else { return nil }
        let cue = cues.first { cue in keys.contains { key in cue.words.contains { similar(key, $0) } } }
        let thing = memory.things.last { thing in
            keys.contains { key in similar(Lexicon.thingKey([key]) ?? key, thing) }
        }
        let pronoun = keys.contains { ["its", "his", "her", "it", "he", "she"].contains($0) } ? context : nil
        if let favourite = keys.firstIndex(where: { similar($0, "favourite") }), favourite + 1 < keys.count {
            return .open(.speaker, .favourite(Lexicon.singular(keys[favourite + 1])))
        }
        guard let cue else { return nil }
        if cue.attribute == .description { return .open(.weather, .description) }
        if let subject = thing ?? pronoun, [.name, .age, .home].contains(cue.attribute) {
            return .open(.thing(subject, subject), cue.attribute)
        }
        guard keys.contains(where: { ["my", "i", "me", "mine"].contains($0) }) else { return nil }
        if cue.attribute == .birth, keys.contains("where") { return .open(.speaker, .birthplace) }
        if cue.attribute == .job, keys.contains("where") {
            return .open(.speaker, keys.contains("work") ? .workplace : .home)
        }
        return .open(.speaker, cue.attribute)
    }

    /// Equal, or (for words of four letters or more) one letter inserted, deleted or replaced.
    static func similar(_ word: String, _ target: String) -> Bool {
        if word == target { return true }
        guard target.count >= 4, abs(word.count - target.count) <= 1 else { return false }
        let a = Array(word)
        let b = Array(target)
        var i = 0
        var j = 0
        var edits = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count {
                i += 1
            } else if a.count < b.count {
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }
}
