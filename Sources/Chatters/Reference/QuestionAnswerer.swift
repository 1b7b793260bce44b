/// Answers a ``Query`` from a ``FactMemory`` in a short sentence that contains the answer.
///
/// Closed questions start with "Yes, " or "No, " only when a fact decides them; without one the answer is
/// ``Voice/unknown`` ("I don't think you told me that."), never a guess. A thing the speaker has is assumed to be the
/// only one of its category they mentioned: after "I have a dog", "Do I have a cat?" is answered "No, ...".
struct QuestionAnswerer {
    var memory: FactMemory
    var voice: Voice
    /// The thing `it`, `he`, `she` refer to.
    var context: String?

    func answer(_ query: Query) -> String {
        switch query {
        case .open(let target, let attribute):
            return open(target, attribute) ?? voice.unknown
        case .check(let target, let attribute, let value):
            return check(target, attribute, value)
        case .owns(let thing, let name):
            return owns(thing, name: name)
        case .count(let thing):
            return count(thing)
        case .possessions(let category):
            return possessions(category)
        case .whoIs(let name):
            if let thing = memory.thing(named: name) { return "\(name) is \(voice.possessive) \(thing)." }
            if let own = memory.value(Fact.speaker, .name), Phrase.same(own, name) {
                return voice.turnsRound ? "That is your name, \(own)." : "That is me!"
            }
            return voice.unknown
        case .robot(let human):
            return human
                ? "No, I am not human: I am ChatLab's reference bot, a small program."
                : "Yes, I am a bot: ChatLab's reference bot, a small program."
        }
    }

    // MARK: Open questions

    /// The memory key and the words for a target (`cat`, `your cat`), or nil for a pronoun with nothing to refer to.
    func resolve(_ target: Target) -> (key: String, words: String)? {
        switch target {
        case .speaker: return (Fact.speaker, voice.subject)
        case .weather: return (Fact.weather, "the weather")
        case .thing(let key, let phrase): return (key, "\(voice.possessive) \(phrase)")
        case .pronoun: return context.map { ($0, "\(voice.possessive) \($0)") }
        }
    }

    func open(_ target: Target, _ attribute: Attribute) -> String? {
        guard let (key, words) = resolve(target) else { return nil }
        if key == Fact.speaker { return aboutSpeaker(attribute) }
        if key == Fact.weather {
            return memory.value(key, .description).map {
                $0.hasSuffix("ing") ? "It is \($0)." : "The weather is \($0)."
            }
        }
        let own = memory.owns(key) == false ? "\(voice.subject) \(voice.has) no \(Lexicon.plural(key))." : nil
        switch attribute {
        case .name:
            return memory.lookup(key, .name).map { "\(words) is called \($0.value).".sentenceCased }
                ?? own?.sentenceCased
        case .age:
            return memory.lookup(key, .age).map { "\(words) is \($0.value) years old.".sentenceCased }
        case .home:
            return memory.lookup(key, .home).map { "\(words) lives in \($0.value).".sentenceCased }
        case .kind:
            return memory.lookup(key, .kind).map { "\(words) is \(Lexicon.withArticle($0.value)).".sentenceCased }
        default:
            if let found = memory.lookup(key, .description) {
                return "\(words) is \(voice.speak(found.value)).".sentenceCased
            }
            if let found = memory.lookup(key, .name) { return "\(words) is called \(found.value).".sentenceCased }
            if let found = memory.lookup(key, .kind) {
                return "\(words) is \(Lexicon.withArticle(found.value)).".sentenceCased
            }
            if let favourite = memory.value(Fact.speaker, .favourite(key)) {
                return "\(voice.possessive) favourite \(key) is \(voice.speak(favourite)).".sentenceCased
            }
            return own?.sentenceCased
        }
    }

    func aboutSpeaker(_ attribute: Attribute) -> String? {
        let me = Fact.speaker
        let subject = voice.subject.sentenceCased
        let possessive = voice.possessive.sentenceCased
        func value(_ attribute: Attribute) -> String? { memory.value(me, attribute).map(voice.speak) }
        func list(_ attribute: Attribute) -> String? {
            let items = memory.list(me, attribute).map(voice.speak)
            return items.isEmpty ? nil : Voice.list(items)
        }
        switch attribute {
        case .name: return value(.name).map { "\(possessive) name is \($0)." }
        case .home: return value(.home).map { "\(subject) live in \($0)." }
        case .origin: return value(.origin).map { "\(subject) \(voice.be) from \($0)." }
        case .workplace: return value(.workplace).map { "\(subject) work \($0)." }
        case .job:
            guard let job = value(.job) else { return value(.workplace).map { "\(subject) work \($0)." } }
            let first = job.split(separator: " ").first.map(String.init)
            return ["a", "an"].contains(first) ? "\(subject) \(voice.be) \(job)." : "\(possessive) job is \(job)."
        case .age: return value(.age).map { "\(subject) \(voice.be) \($0) years old." }
        case .birth:
            if let birth = value(.birth) { return "\(subject) \(voice.wasBorn) born \(birth)." }
            return value(.birthday).map { "\(possessive) birthday is \($0)." }
        case .birthplace: return value(.birthplace).map { "\(subject) \(voice.wasBorn) born in \($0)." }
        case .birthday:
            if let birthday = value(.birthday) { return "\(possessive) birthday is \(birthday)." }
            guard let birth = value(.birth), birth.hasPrefix("on ") else { return nil }
            return "\(subject) \(voice.wasBorn) born \(birth)."
        case .favourite(let category):
            if let favourite = value(.favourite(category)) {
                return "\(possessive) favourite \(category) is \(favourite)."
            }
            return category == "hobby" ? aboutSpeaker(.hobby) : nil
        case .likes: return list(.likes).map { "\(subject) like \($0)." }
        case .dislikes: return list(.dislikes).map { "\(subject) dislike \($0)." }
        case .plays: return list(.plays).map { "\(subject) play \($0)." }
        case .hobby:
            let hobbies = memory.list(me, .hobby).map(voice.speak)
            if hobbies.count == 1 { return "\(possessive) hobby is \(hobbies[0])." }
            if hobbies.count > 1 { return "\(possessive) hobbies are \(Voice.list(hobbies))." }
            return list(.plays).map { "\(subject) play \($0)." }
        case .car:
            if let car = value(.car) { return "\(subject) drive \(car)." }
            return memory.owns("car") == false ? "\(subject) \(voice.has) no car." : nil
        case .trait, .description: return list(.trait).map { "\(subject) \(voice.be) \($0)." }
        case .kind, .owned, .count: return nil
        }
    }

    // MARK: Closed questions

    func check(_ target: Target, _ attribute: Attribute, _ asked: String) -> String {
        guard let (key, _) = resolve(target) else { return voice.unknown }
        let statement = open(target, attribute)
        func yes() -> String { "Yes, " + (statement ?? "").continued }
        func no() -> String { "No, " + (statement ?? "").continued }
        switch attribute {
        case .likes:
            let liked =
                memory.list(key, .likes) + memory.list(key, .plays) + memory.list(key, .hobby)
                + favourites(key)
            if liked.contains(where: { Phrase.overlaps($0, asked) }) {
                return "Yes, \(voice.subject) like \(voice.speak(asked))."
            }
            if memory.list(key, .dislikes).contains(where: { Phrase.overlaps($0, asked) }) {
                return "No, \(voice.subject) dislike \(voice.speak(asked))."
            }
            return voice.unknown
        case .dislikes:
            if memory.list(key, .dislikes).contains(where: { Phrase.overlaps($0, asked) }) {
                return "Yes, \(voice.subject) dislike \(voice.speak(asked))."
            }
            if memory.list(key, .likes).contains(where: { Phrase.overlaps($0, asked) }) {
                return "No, \(voice.subject) like \(voice.speak(asked))."
            }
            return voice.unknown
        case .plays, .hobby:
            let done = memory.list(key, .plays) + memory.list(key, .hobby) + memory.list(key, .likes)
            if done.contains(where: { Phrase.overlaps($0, asked) }) {
                return "Yes, " + (open(target, attribute) ?? "").continued
            }
            return voice.unknown
        case .trait, .description:
            let known =
                key == Fact.speaker
                ? memory.list(key, .trait) : memory.lookup(key, .description).map { [$0.value] } ?? []
            if known.contains(where: { Phrase.overlaps($0, asked) }) { return yes() }
            if key == Fact.weather, statement != nil { return no() }
            return voice.unknown
        default:
            guard let known = memory.lookup(key, attribute)?.value else { return voice.unknown }
            return matches(known, asked, attribute) ? yes() : no()
        }
    }

    func favourites(_ key: String) -> [String] {
        guard key == Fact.speaker else { return [] }
        return ["colour", "food", "drink", "sport", "film", "music", "animal", "season", "book", "game", "band"]
            .compactMap { memory.value(key, .favourite($0)) }
    }

    func matches(_ known: String, _ asked: String, _ attribute: Attribute) -> Bool {
        switch attribute {
        case .age:
            return Phrase.number(in: known) == Phrase.number(in: asked)
        case .birth, .birthday:
            let knownWords = Set(Phrase.comparable(known).filter { $0 != "in" && $0 != "on" })
            let askedWords = Set(Phrase.comparable(asked).filter { $0 != "in" && $0 != "on" })
            return !askedWords.isEmpty && askedWords.isSubset(of: knownWords)
        case .kind:
            return Lexicon.thingKey(Phrase.comparable(asked)) == Lexicon.thingKey(Phrase.comparable(known))
        default:
            return Phrase.same(known, asked) || Phrase.overlaps(known, asked)
        }
    }

    // MARK: Possessions

    /// `a dog called Rex`, `two brothers`
    func describeOwned(_ thing: String) -> String {
        if let count = memory.value(thing, .count).flatMap(Int.init), count > 1 {
            return "\(Lexicon.spell(count)) \(Lexicon.plural(thing))"
        }
        let name = memory.value(thing, .name).map { " called \($0)" } ?? ""
        return Lexicon.withArticle(thing) + name
    }

    func owns(_ thing: String, name: String?) -> String {
        let subject = voice.subject
        if let name {
            guard let known = memory.lookup(thing, .name)?.value else { return voice.unknown }
            return Phrase.same(known, name)
                ? "Yes, \(subject) \(voice.has) \(Lexicon.withArticle(thing)) called \(known)."
                : "No, \(voice.possessive) \(thing) is called \(known)."
        }
        if memory.owns(thing) == true { return "Yes, \(subject) \(voice.has) \(describeOwned(thing))." }
        if memory.owns(thing) == false { return "No, \(subject) \(voice.has) no \(Lexicon.plural(thing))." }
        if Lexicon.isCategoryWord(thing) {
            let members = memory.owned(in: thing)
            if !members.isEmpty { return "Yes, \(subject) \(voice.has) \(Voice.list(members.map(describeOwned)))." }
            return voice.unknown
        }
        if memory.things.contains(where: { memory.value($0, .kind) == thing && memory.owns($0) == true }) {
            return "Yes, \(subject) \(voice.has) \(Lexicon.withArticle(thing))."
        }
        guard let category = Lexicon.category(of: thing) else { return voice.unknown }
        if memory.owns(category) == false { return "No, \(subject) \(voice.has) no \(Lexicon.plural(category))." }
        let unknownKind = memory.owns(category) == true && memory.value(category, .kind) == nil
        let members = memory.owned(in: category)
        guard !members.isEmpty, !unknownKind else { return voice.unknown }
        return "No, \(subject) \(voice.has) \(Voice.list(members.map(describeOwned)))."
    }

    func count(_ thing: String) -> String {
        let subject = voice.subject.sentenceCased
        if let count = memory.value(thing, .count).flatMap(Int.init) {
            return count == 1
                ? "\(subject) \(voice.has) one \(thing)."
                : "\(subject) \(voice.has) \(Lexicon.spell(count)) \(Lexicon.plural(thing))."
        }
        if memory.owns(thing) == false { return "\(subject) \(voice.has) no \(Lexicon.plural(thing))." }
        if Lexicon.isCategoryWord(thing) {
            let members = memory.owned(in: thing)
            guard !members.isEmpty else { return voice.unknown }
            let total = members.reduce(0) { $0 + (memory.value($1, .count).flatMap(Int.init) ?? 1) }
            let noun = total == 1 ? thing : Lexicon.plural(thing)
            return "\(subject) \(voice.has) \(Lexicon.spell(total)) \(noun): \(Voice.list(members.map(describeOwned)))."
        }
        return voice.unknown
    }

    func possessions(_ category: String?) -> String {
        let subject = voice.subject.sentenceCased
        guard let category else {
            let owned = memory.things.filter { memory.owns($0) == true && memory.value($0, .kind) == nil }
            return owned.isEmpty ? voice.unknown : "\(subject) \(voice.has) \(Voice.list(owned.map(describeOwned)))."
        }
        if !Lexicon.isCategoryWord(category) { return open(.thing(category, category), .kind) ?? voice.unknown }
        let members = memory.owned(in: category)
        if !members.isEmpty { return "\(subject) \(voice.has) \(Voice.list(members.map(describeOwned)))." }
        if memory.owns(category) == false { return "\(subject) \(voice.has) no \(Lexicon.plural(category))." }
        return voice.unknown
    }
}
