/// The facts the bot holds, in the order learnt. A later fact about the same subject and attribute replaces an earlier
/// one; list attributes (likes, hobbies...) grow instead, and liking something removes it from the dislikes and back.
struct FactMemory: Sendable {
    private var single: [Key: String] = [:]
    private var lists: [Key: [String]] = [:]
    /// Thing subjects in the order they were first mentioned.
    private(set) var things: [String] = []

    struct Key: Hashable, Sendable {
        var subject: String
        var attribute: Attribute
    }

    init(_ facts: [Fact] = []) {
        for fact in facts { learn(fact) }
    }

    mutating func learn(_ fact: Fact) {
        if fact.subject != Fact.speaker, fact.subject != Fact.weather, !things.contains(fact.subject) {
            things.append(fact.subject)
        }
        let key = Key(subject: fact.subject, attribute: fact.attribute)
        guard fact.attribute.isList else {
            single[key] = fact.value
            return
        }
        let opposite: Attribute? =
            switch fact.attribute {
            case .likes: .dislikes
            case .dislikes: .likes
            default: nil
            }
        if let opposite {
            let other = Key(subject: fact.subject, attribute: opposite)
            lists[other]?.removeAll { Phrase.same($0, fact.value) }
        }
        lists[key, default: []].removeAll { Phrase.same($0, fact.value) }
        lists[key, default: []].append(fact.value)
    }

    func value(_ subject: String, _ attribute: Attribute) -> String? {
        single[Key(subject: subject, attribute: attribute)]
    }

    func list(_ subject: String, _ attribute: Attribute) -> [String] {
        lists[Key(subject: subject, attribute: attribute)] ?? []
    }

    /// `true` / `false` when the speaker said whether they have the thing, `nil` when unknown.
    func owns(_ thing: String) -> Bool? {
        value(thing, .owned).map { $0 == "yes" }
    }

    /// Things the speaker has, in a category (`pet` -> `dog`, `cat`), not counting a bare category word.
    func owned(in category: String) -> [String] {
        things.filter { thing in
            thing != category && Lexicon.category(of: thing) == category && owns(thing) == true
        }
    }

    /// The subjects that may hold an answer about `thing`: itself, things said to be of that kind (`pet` that is a
    /// `dog`), the kind it was said to be, and for a category word the things in that category.
    func candidates(for thing: String) -> [String] {
        var result = [thing]
        result += things.filter { value($0, .kind) == thing }
        if let kind = value(thing, .kind) { result.append(kind) }
        if Lexicon.isCategoryWord(thing) { result += owned(in: thing) }
        result += things.filter { $0.hasSuffix(thing) && $0 != thing }  // goldfish for fish
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    /// The first value found for `attribute` among the candidates for `thing`, with the subject that held it.
    func lookup(_ thing: String, _ attribute: Attribute) -> (subject: String, value: String)? {
        if thing == Fact.speaker || thing == Fact.weather {
            return value(thing, attribute).map { (thing, $0) }
        }
        for candidate in candidates(for: thing) {
            if let found = value(candidate, attribute) { return (candidate, found) }
        }
        return nil
    }

    /// The thing whose name is `name`, if any (`Anna` -> `sister`).
    func thing(named name: String) -> String? {
        things.last { value($0, .name).map { Phrase.same($0, name) } ?? false }
    }
}
