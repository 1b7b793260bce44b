/// The statements the reference bot understands, most specific first. Patterns are matched against a tidied clause
/// (lower case, contractions expanded, greetings and adverbs such as `really` removed); see ``Pattern``.
enum FactRules {
    static let me = Fact.speaker

    static let all: [FactRule] = pronouns + weather + speaker + things + feelings + possession + general

    // MARK: Pronouns (`Its name is Rex`, `She is called Luna`, `It is a dog`)

    static let pronouns: [FactRule] = [
        FactRule([
            "its|his|her|their name is|was {v}", "it|he|she|they is|are|was|were called|named {v}",
            "i|we call|called|named|name it|him|her|them {v}", "it|he|she|they go|goes by {v}",
        ]) { match, context in
            guard let context, let name = name(match) else { return nil }
            return [Fact(context, .name, name)]
        },
        FactRule(["it|he|she|they is|are|was|were {v}"]) { match, context in
            guard let context, !isWeather(match["v"]) else { return nil }
            return describe(context, match["v"])
        },
    ]

    // MARK: Weather (`The weather is sunny`, `It is raining`)

    static let weather: [FactRule] = [
        FactRule(["the? weather is|was|looks {v}", "it is|was|looks {v}"]) { match, _ in
            let words = match["v"]
            guard isWeather(words) || match.tokens.first?.key != "it", let value = text(words) else { return nil }
            let weatherWords = words.filter { Lexicon.weather.contains($0.key) }
            return [Fact(Fact.weather, .description, weatherWords.isEmpty ? value : Phrase.join(weatherWords))]
        },
        FactRule(["the sun is shining|out"]) { _, _ in [Fact(Fact.weather, .description, "sunny")] },
    ]

    // MARK: The speaker (name, age, home, origin, job...)

    static let speaker: [FactRule] = [
        FactRule([
            "my first|full? name is|was {v}", "the name is {v}", "i am|was called|named {v}", "i go by {v}",
            "call me {v}", "you can|may|should|could call me {v}", "people|everyone|everybody|they|friends call me {v}",
            "my friends call me {v}", "{v} is my name",
        ]) { match, _ in name(match).map { [Fact(me, .name, $0)] } },
        FactRule(["i am|turned|turn {v}", "my age is {v}", "i am aged {v}"]) { match, _ in
            age(match["v"]).map { [Fact(me, .age, $0)] }
        },
        FactRule(["i was born and raised in {v}"]) { match, _ in
            text(match["v"]).map { [Fact(me, .birthplace, $0), Fact(me, .origin, $0)] }
        },
        FactRule(["i was born {p} {v}"]) { match, _ in
            let preposition = match["p"]
            guard preposition.count == 1, ["in", "on"].contains(preposition[0].key) else { return nil }
            if Lexicon.looksLikeDate(match.keys("v")), let date = text(match["v"], .date) {
                return [Fact(me, .birth, "\(preposition[0].key) \(date)")]
            }
            return text(match["v"]).map { [Fact(me, .birthplace, $0)] }
        },
        FactRule(["my date of birth is {v}", "my birth date|birthdate is {v}"]) { match, _ in
            guard let date = text(match["v"], .date) else { return nil }
            let onlyYear = match["v"].count == 1 && match.keys("v")[0].count == 4
            return [Fact(me, .birth, (onlyYear ? "in " : "on ") + date)]
        },
        FactRule(["my birthday is|falls {v}", "i celebrate my birthday {v}", "i have my birthday {v}"]) { match, _ in
            text(match["v"], .date).map { [Fact(me, .birthday, $0)] }
        },
        FactRule([
            "i live|lived|reside|stay in|at {v}", "i am living|staying|based|residing in|at {v}", "my home is in {v}",
            "i moved to {v}", "i have moved to {v}", "home is {v}", "my home is {v}", "we live in {v}",
        ]) { match, _ in
            text(match["v"]).map { [Fact(me, .home, $0)] }
        },
        FactRule([
            "i am|was from {v}", "i come|came from {v}", "i grew up in {v}", "i was raised in {v}",
            "my hometown|country is {v}", "my home town|country is {v}", "i am a native of {v}",
        ]) { match, _ in
            text(match["v"]).map { [Fact(me, .origin, $0)] }
        },
        FactRule(["i work|worked {p} {v}", "i am working {p} {v}", "i am employed {p} {v}"]) { match, _ in
            let preposition = match["p"]
            guard preposition.count == 1, ["at", "for", "in", "by"].contains(preposition[0].key),
                let place = text(match["v"])
            else { return nil }
            return [Fact(me, .workplace, "\(preposition[0].key == "by" ? "for" : preposition[0].key) \(place)")]
        },
        FactRule([
            "i work as {v}", "i am working as {v}", "my job is {v}", "my profession|occupation|career|work is {v}",
            "i earn my living as {v}", "i make a living as {v}", "i do {v} for a living",
        ]) { match, _ in
            let words = Array(match["v"].drop { $0.key == "being" })
            let place = words.firstIndex { ["at", "in", "for"].contains($0.key) }
            guard let job = text(Array(words[..<(place ?? words.count)])) else { return nil }
            var facts = [Fact(me, .job, job)]
            if let place, let workplace = text(Array(words[(place + 1)...])) {
                facts.append(Fact(me, .workplace, "\(words[place].key) \(workplace)"))
            }
            return facts
        },
        FactRule([
            "i am a|an? big|huge|great|massive? fan of {v}", "i am fond of {v}", "i am into {v}",
            "i am crazy|mad|passionate|enthusiastic about {v}", "i am keen on {v}",
        ]) { match, _ in
            list(match["v"], .likes)
        },
        FactRule(["i am not a|an? big? fan of {v}", "i am not into|fond of {v}", "i am not keen on {v}"]) { match, _ in
            list(match["v"], .dislikes)
        },
        FactRule(["i am a|an {v}"]) { match, _ in
            let words = Array(match.tokens.dropFirst(2))
            guard
                let value = text(Phrase.trimTrailing(words.filter { !["by", "profession", "trade"].contains($0.key) }))
            else { return nil }
            let head = Lexicon.thingKey(Phrase.value(words)?.map(\.key) ?? [])
            let notJobs: Set<String> = [
                "person", "man", "woman", "guy", "lady", "boy", "girl", "human", "vegetarian", "vegan", "bit",
                "lot", "parent", "mother", "father", "fan", "owl", "morning person", "night owl", "adult", "kid",
                "child", "teenager", "pensioner", "member", "twin", "only child",
            ]
            return [Fact(me, notJobs.contains(head ?? "") ? .trait : .job, value)]
        },
        FactRule(["i drive a|an {v}", "i drive {v}", "my car is a|an {v}", "i have a|an {v} car"]) { match, _ in
            let article = match.tokens.first { ["a", "an"].contains($0.key) }?.key
            guard let car = text(match["v"]) else { return nil }
            return [Fact(me, .car, article.map { "\($0) \(car)" } ?? car), Fact("car", .owned, "yes")]
        },
        FactRule(["my favourite {c} is|are|was called? {v}", "{v} is|are my favourite {c}"]) { match, _ in
            guard let category = category(match["c"]), var words = Phrase.value(match["v"], reach: .list) else {
                return nil
            }
            if match.ranges["v"]?.lowerBound == 0, Lexicon.commonWords.contains(words[0].key) {
                words[0] = Token(words[0].key)  // "Blue is my favourite colour": not a name
            }
            return [Fact(me, .favourite(category), Phrase.join(words))]
        },
        FactRule([
            "my hobby is {v}", "my hobbies are {v}", "my hobbies include {v}", "{v} is my hobby",
            "{v} are my hobbies", "my favourite hobbies are {v}", "for fun i {v}",
        ]) { match, _ in
            list(match["v"], .hobby)
        },
    ]

    // MARK: The speaker's things (`My cat is called Mittens`, `The name of my cat is Mittens`)

    static let things: [FactRule] = [
        FactRule([
            "my {x} is|was called|named {v}", "my {x} 's name is|was {v}", "my {x} name is|was {v}",
            "the name of my {x} is|was {v}",
            "the {x} which|that|who i own|have|got is|was called|named {v}",
            "the {x} i own|have|got is|was called|named {v}", "my {x} goes by {v}", "{v} is my {x} 's name",
            "{v} is the name of my {x}",
        ]) { match, _ in
            guard let thing = thing(match), let name = name(match) else { return nil }
            return [Fact(thing, .owned, "yes"), Fact(thing, .name, name)]
        },
        FactRule(["i|we call|called|named|name my {v}"]) { match, _ in
            let words = match["v"]
            let end = words.firstIndex { Lexicon.isThing(Lexicon.thingKey([$0.key]) ?? "") } ?? 0
            guard end + 1 < words.count, let thing = Lexicon.thingKey(words[...end].map(\.key)),
                let name = text(Array(words[(end + 1)...]))
            else { return nil }
            return [Fact(thing, .owned, "yes"), Fact(thing, .name, name)]
        },
        FactRule(["{v} is my {x}"]) { match, _ in
            guard let thing = thing(match), Lexicon.isThing(thing), match["v"].count <= 3,
                match["v"].first?.isCapitalized == true, let name = name(match)
            else { return nil }
            return [Fact(thing, .owned, "yes"), Fact(thing, .name, name)]
        },
        FactRule(["my {x} lives|lived in {v}"]) { match, _ in
            guard let thing = thing(match), let place = text(match["v"]) else { return nil }
            return [Fact(thing, .home, place)]
        },
    ]

    // MARK: Likes and dislikes (`I love pizza`, `I hate Mondays`, `I play football`)

    static let feelings: [FactRule] = [
        FactRule([
            "i|we hate|dislike|detest|loathe|despise {v}", "i|we do not like|love|enjoy {v}",
            "i can not stand|bear {v}", "i did not like {v}",
        ]) { match, _ in
            list(match["v"], .dislikes)
        },
        FactRule(["i|we like|love|enjoy|adore|prefer|liked|loved|enjoyed {v}"]) { match, _ in
            list(match["v"], .likes)
        },
        FactRule(["i|we play|played {v}"]) { match, _ in list(match["v"], .plays) },
    ]

    // MARK: Possession (`I have a dog`, `I have two brothers`, `I have no pets`)

    static let possession: [FactRule] = [
        FactRule([
            "i|we do not have|own {v}", "i|we have|own no {v}", "i|we have not got {v}", "i|we have got no {v}",
            "i|we do not have any {v}",
        ]) { match, _ in
            possessions(match["v"], negative: true)
        },
        FactRule(["i|we have got {v}", "i|we have|own|got {v}", "there is|are {v} in my family|house|home"]) {
            match, _ in
            possessions(match["v"], negative: false)
        },
    ]

    // MARK: Anything else said about a thing or the speaker

    static let general: [FactRule] = [
        FactRule(["my {x} is|are|was {v}"]) { match, _ in
            guard let thing = thing(match) else { return nil }
            let words = match["v"]
            if let first = words.first, first.isCapitalized, words.count <= 3, Lexicon.isThing(thing),
                !Lexicon.articles.contains(first.key), let name = name(match)
            {
                return [Fact(thing, .owned, "yes"), Fact(thing, .name, name)]
            }
            return describe(thing, words)
        },
        FactRule(["i am {v}"]) { match, _ in
            let words = match["v"]
            guard let first = words.first, first.key != "not", let value = text(words) else { return nil }
            let looksLikeName =
                words.count <= 3 && words.allSatisfy(\.isCapitalized) && !Lexicon.notNames.contains(first.key)
            return [Fact(me, looksLikeName ? .name : .trait, value)]
        },
    ]

    // MARK: Helpers

    static func text(_ words: [Token], _ reach: Phrase.Reach = .short) -> String? {
        Phrase.value(words, reach: reach).map(Phrase.join)
    }

    /// A name: a few words, not a pronoun (`Mittens`, `John Smith`).
    static func name(_ match: Captures) -> String? {
        var words = match["v"]
        if words.first?.key == "the", words.dropFirst().first?.key == "name" { words.removeFirst(2) }
        if words.first?.key == "name" { words.removeFirst() }
        guard let value = Phrase.value(words), value.count <= 4,
            !["it", "him", "her", "them", "that", "this", "a", "an", "not"].contains(value[0].key)
        else { return nil }
        return Phrase.join(value)
    }

    /// The thing key of the `{x}` capture (`cat`, `sister`), rejecting captures that swallowed a verb.
    static func thing(_ match: Captures) -> String? {
        let keys = match.keys("x")
        let bad: Set<String> = ["is", "are", "was", "i", "you", "called", "named", "name", "not", "it", "my", "'s"]
        guard !keys.isEmpty, keys.count <= 3, !keys.contains(where: bad.contains) else { return nil }
        return Lexicon.thingKey(keys)
    }

    static func category(_ words: [Token]) -> String? {
        let keys = words.map { Lexicon.singular($0.key) }
        guard !keys.isEmpty, keys.count <= 3, !keys.contains("is") else { return nil }
        return keys.joined(separator: " ")
    }

    static func age(_ words: [Token]) -> String? {
        let keys = words.map(\.key)
        guard let number = Lexicon.number(keys), number.value > 0, number.value < 150 else { return nil }
        let rest = keys.dropFirst(number.length)
        let allowed: Set<String> = ["years", "year", "old", "of", "age", "yrs", "now", "today", "this"]
        return rest.allSatisfy(allowed.contains) ? String(number.value) : nil
    }

    static func isWeather(_ words: [Token]) -> Bool {
        words.contains { Lexicon.weather.contains($0.key) } && words.count <= 4
    }

    /// `It is a dog` (a kind), `My dog is 5 years old` (an age), `My cat is black` (a description).
    static func describe(_ thing: String, _ words: [Token]) -> [Fact]? {
        if let years = age(words) { return [Fact(thing, .age, years)] }
        guard let value = Phrase.value(words) else { return nil }
        if Lexicon.articles.contains(value[0].key), value[0].key != "the",
            let kind = Lexicon.thingKey(value.map(\.key)), Lexicon.isThing(kind), kind != thing
        {
            return [Fact(thing, .kind, kind), Fact(kind, .owned, "yes")]
        }
        return [Fact(thing, .description, Phrase.join(value))]
    }

    /// One fact per item of a list (`pizza, pasta and sushi`), skipping pronouns.
    static func list(_ words: [Token], _ attribute: Attribute) -> [Fact]? {
        guard let value = Phrase.value(words, reach: .list) else { return nil }
        let pronouns: Set<String> = ["it", "that", "this", "them", "him", "her", "you", "one", "so"]
        let facts = Phrase.items(value).filter { !pronouns.contains($0[0].key) }.map {
            Fact(me, attribute, Phrase.join($0))
        }
        return facts.isEmpty ? nil : facts
    }

    static let notPossessions: Set<String> = [
        "question", "idea", "problem", "headache", "cold", "lot", "feeling", "time", "day", "meeting", "plan",
        "appointment", "doubt", "look", "chance", "dream", "fever", "flu", "party", "break", "rest", "go", "try",
        "word", "clue", "minute", "moment", "bit", "thought", "suggestion", "answer", "favour", "fun", "chat",
        "talk", "nothing", "everything", "something", "anything", "way", "feel", "sense",
    ]

    /// `a dog named Rex and two cats` -> owned, count and name facts for each item.
    static func possessions(_ words: [Token], negative: Bool) -> [Fact]? {
        guard let value = Phrase.value(words, reach: .list) else { return nil }
        var facts: [Fact] = []
        for item in Phrase.items(value) {
            var rest = item.map(\.key)
            var tokens = item
            var count: Int? = negative ? 0 : nil
            var counted = negative
            if let first = rest.first, ["a", "an", "one", "any", "some", "several", "many", "no"].contains(first) {
                if !negative, ["a", "an", "one"].contains(first) { count = 1 }
                counted = true
                rest.removeFirst()
                tokens.removeFirst()
            } else if let number = Lexicon.number(rest) {
                count = negative ? 0 : number.value
                counted = true
                rest.removeFirst(number.length)
                tokens.removeFirst(number.length)
            }
            let nameStart = rest.firstIndex { ["named", "called", "whose"].contains($0) }
            let noun = Array(rest[..<(nameStart ?? rest.count)])
            guard let key = Lexicon.thingKey(noun), !notPossessions.contains(key), noun.first != "to",
                counted || Lexicon.isThing(key), noun.count <= 3
            else { continue }
            facts.append(Fact(key, .owned, negative ? "no" : "yes"))
            if let count, !negative || Lexicon.isThing(key) { facts.append(Fact(key, .count, String(count))) }
            if let nameStart, !negative {
                var nameWords = Array(tokens[(nameStart + 1)...])
                if nameWords.first?.key == "name", nameWords.dropFirst().first?.key == "is" {
                    nameWords.removeFirst(2)
                }
                if let name = text(nameWords) { facts.append(Fact(key, .name, name)) }
            }
        }
        return facts.isEmpty ? nil : facts
    }
}
