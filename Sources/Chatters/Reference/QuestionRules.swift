/// The questions the reference bot understands, in first person ("my", "I"), most specific first.
/// Patterns are matched against the whole tidied question; see ``Pattern``.
enum QuestionRules {
    struct Rule: Sendable {
        let patterns: [Pattern]
        let make: @Sendable (Captures) -> Query?

        init(_ sources: [String], _ make: @escaping @Sendable (Captures) -> Query?) {
            patterns = sources.map(Pattern.init)
            self.make = make
        }

        init(_ sources: [String], _ query: Query) {
            self.init(sources) { _ in query }
        }
    }

    static func query(_ words: [Token]) -> Query? {
        for rule in all {
            for pattern in rule.patterns {
                if let ranges = pattern.match(words.map(\.key)),
                    let query = rule.make(Captures(tokens: words, ranges: ranges))
                {
                    return query
                }
            }
        }
        return nil
    }

    static let all: [Rule] = names + open + closed + general

    static let names: [Rule] = [
        Rule(
            [
                "what is|was my first|full? name", "who am i", "what am i called|named", "how am i called",
                "what do|did|should|can|would|will you|people|they|everyone call me", "what did i say my name is|was",
                "what name did i tell|give you", "what is|was the name i told|gave you", "what is my name again",
            ], .open(.speaker, .name)),
        Rule([
            "what is|was my {x} called|named", "how is|was my {x} called|named", "what is|was the name of my {x}",
            "what is|was my {x} 's name", "what is|was my {x} name", "what name does|did my {x} have",
            "what did|do i call|called|name|named my {x}",
            "what name did i give my {x}", "what is|was the name of the {x} which|that? i own|have|got",
            "what is|was the {x} which|that? i own|have|got called|named", "who is|was my {x}",
            "what does my {x} call itself|himself|herself",
        ]) { match in thing(match).map { .open($0, .name) } },
        Rule(
            [
                "what is|was its|his|her|their name", "what is|was it|he|she|they called|named",
                "how is|was it|he|she called", "what did|do i call|called|name|named it|him|her|them",
                "what name does|did it|he|she have", "who is|was it|he|she",
            ], .open(.pronoun, .name)),
    ]

    static let open: [Rule] = [
        Rule(
            [
                "where do|did i live|reside|stay", "where am i living|based|staying|residing", "where is my home|house",
                "in which|what city|town|country|place do|did i live",
                "which|what city|town|country|place do|did i live in",
                "what is my city|address|town", "where is it that i live", "where do i live now",
            ], .open(.speaker, .home)),
        Rule(
            [
                "where am|was i from", "where do|did i come|came from", "where did i grow|grew up",
                "where was i raised",
                "what is my hometown|country|nationality", "what is my home town|country",
                "which|what country|city|town|place am|was i from",
                "which|what country|city|town|place do|did i come from",
                "from which|what country|city|town|place am i", "from which|what country|city|town|place do i come",
            ], .open(.speaker, .origin)),
        Rule(
            [
                "where do|did i work", "who do|did i work for", "where am i working|employed",
                "where is my work|workplace|office",
                "which|what company do|did i work for|at", "for|at which|what company do i work",
            ], .open(.speaker, .workplace)),
        Rule(
            [
                "what do|did i do for a? living|work", "what do|did i do",
                "what is|was my job|profession|occupation|work|career|trade",
                "what is my job title", "what do|did i work as", "what job do|did i have|do", "what am i",
                "what kind|type|sort|line of work|job do|did i do|have", "what am i by profession|trade",
                "what is my line of work", "what do i do professionally", "what is my job called", "what work do i do",
            ], .open(.speaker, .job)),
        Rule(["how old am|was i", "what is my age", "what age am i"], .open(.speaker, .age)),
        Rule(
            [
                "when was i born", "what year was i born in?", "in which|what year was i born",
                "what is my date of birth",
                "what is my birth date|birthdate|year", "what is my year of birth", "on which|what day|date was i born",
                "what date was i born on?",
            ], .open(.speaker, .birth)),
        Rule(
            [
                "where was i born", "in which|what city|country|town|place was i born",
                "which|what city|country|town|place was i born in", "what is my birthplace|place of birth",
            ], .open(.speaker, .birthplace)),
        Rule(
            [
                "when is|was my birthday", "what is|was the date of my birthday", "what day|date is my birthday",
                "when do i celebrate my birthday", "what is my birthday", "on which|what day|date is my birthday",
            ], .open(.speaker, .birthday)),
        Rule(
            [
                "what is|are my favourite {c}", "what|which {c} do i like best|most", "what|which is my favourite {c}",
                "what|which {c} do i love|prefer", "what|which {c} is my favourite",
                "what is|are my favourite {c} called",
            ]
        ) { match in FactRules.category(match["c"]).map { .open(.speaker, .favourite($0)) } },
        Rule(
            [
                "what is|are my hobby|hobbies", "what do i do in my free|spare time", "what do i do for fun",
                "what do i like to do in my free|spare time", "what do i like doing in my free|spare time",
            ], .open(.speaker, .hobby)),
        Rule(
            [
                "what do|did i like|love|enjoy|adore|prefer", "what do i like|love|enjoy doing|to do",
                "what are my likes|interests|passions", "what things do i like|love|enjoy", "what am i into|fond of",
                "what am i passionate about", "what am i a fan of", "what do i like a lot",
            ], .open(.speaker, .likes)),
        Rule(
            [
                "what do|did i hate|dislike|detest|loathe", "what do|did i not like", "what can i not stand",
                "what are my dislikes",
            ], .open(.speaker, .dislikes)),
        Rule(
            [
                "what car|vehicle do|did i drive|have|own", "what do|did i drive",
                "which car|vehicle do|did i drive|have|own",
                "what kind|type|make|brand|model of car|vehicle do|did i drive|have|own", "what is my car",
                "what car is mine",
            ], .open(.speaker, .car)),
        Rule(["what do|did i play", "what {c} do|did i play", "which {c} do|did i play"], .open(.speaker, .plays)),
        Rule(["how many {x} do|did i have|own", "how many {x} have i got", "how many {x} are in my family"]) { match in
            thing(match).map { .count(key($0)) }
        },
        Rule([
            "what kind|type|sort of animal|pet is my {x}", "what animal|kind|type is my {x}",
            "what kind|type|sort of animal|pet is it|he|she",
        ]) { match in
            match.ranges["x"] == nil ? .open(.pronoun, .kind) : thing(match).map { .open($0, .kind) }
        },
        Rule([
            "what kind|type|sort of {x} do|did i have|own", "what {x} do|did i have|own", "which {x} do|did i have|own",
            "what {x} have i got",
        ]) { match in thing(match).map { .possessions(key($0)) } },
        Rule(["what do|did i have|own", "what have i got"], .possessions(nil)),
        Rule(["how old is|was my {x}", "what is|was my {x} 's age", "what age is my {x}"]) { match in
            thing(match).map { .open($0, .age) }
        },
        Rule(["how old is|was it|he|she", "what is|was its|his|her age"], .open(.pronoun, .age)),
        Rule(["where does|did my {x} live"]) { match in thing(match).map { .open($0, .home) } },
        Rule(["where does|did it|he|she live"], .open(.pronoun, .home)),
        Rule(["what colour is|was my {x}", "what is my {x} like", "what does my {x} look like"]) { match in
            thing(match).map { .open($0, .description) }
        },
        Rule(
            ["what colour is|was it|he|she", "what is it|he|she like", "what does it|he|she look like"],
            .open(.pronoun, .description)),
        Rule(
            [
                "how is|was the weather", "what is|was the weather like", "what is|was the weather",
                "what is it like outside",
                "how is it outside", "what weather is it", "how is the weather today",
            ], .open(.weather, .description)),
        Rule(["who is|was {v}"]) { match in
            let words = match["v"]
            guard let first = words.first, first.isCapitalized, words.count <= 3 else { return nil }
            return .whoIs(Phrase.join(words))
        },
    ]

    static let closed: [Rule] = [
        Rule(["is|was my first? name {v}", "am i called|named {v}", "is {v} my name", "do people call me {v}"]) {
            match in
            check(.speaker, .name, match)
        },
        Rule([
            "is|was my {x} called|named {v}", "is|was the name of my {x} {v}", "is|was my {x} 's name {v}",
            "is {v} the name of my {x}", "is {v} my {x} 's name", "did i call|name my {x} {v}",
            "does my {x} have the name {v}",
        ]) { match in thing(match).flatMap { check($0, .name, match) } },
        Rule([
            "is|was its|his|her name {v}", "is|was it|he|she called|named {v}", "is {v} its|his|her name",
            "did i call|name it|him|her {v}",
        ]) { match in check(.pronoun, .name, match) },
        Rule(["is|was it|he|she a|an {v}"]) { match in
            guard !FactRules.isWeather(match["v"]) else { return nil }
            return kindCheck(.pronoun, match)
        },
        Rule(["do|did i drive a|an? {v}", "is my car a|an {v}", "do i have a|an {v} car"]) { match in
            check(.speaker, .car, match)
        },
        Rule(["is|was my {x} a|an {v}"]) { match in thing(match).flatMap { kindCheck($0, match) } },
        Rule([
            "do|did i live|reside|stay in|at {v}", "am i living|based|staying in|at {v}", "is my home in {v}",
            "is my home|house {v}", "do i live in {v} now",
        ]) { match in check(.speaker, .home, match) },
        Rule([
            "am|was i from {v}", "do|did i come|came from {v}", "did i grow|grew up in {v}",
            "is my hometown|country {v}",
            "is my home town {v}", "am i a native of {v}", "was i raised in {v}", "am i originally from {v}",
        ]) { match in check(.speaker, .origin, match) },
        Rule(["do|did i work at|for|in {v}", "am i working|employed at|for|in|by {v}"]) { match in
            check(.speaker, .workplace, match)
        },
        Rule([
            "do|did i work as a|an? {v}", "is my job|profession|occupation a|an? {v}", "am i working as a|an? {v}",
        ]) { match in check(.speaker, .job, match) },
        Rule(["is my age {v}", "am i aged {v}"]) { match in check(.speaker, .age, match) },
        Rule(["was i born in|on {v}"]) { match in
            check(.speaker, Lexicon.looksLikeDate(match.keys("v")) ? .birth : .birthplace, match, reach: .date)
        },
        Rule(["is my birthday on|in? {v}", "is {v} my birthday"]) { match in
            check(.speaker, .birthday, match, reach: .date)
        },
        Rule(["is my favourite {c} {v}", "is {v} my favourite {c}", "are my favourite {c} {v}"]) { match in
            guard let category = FactRules.category(match["c"]) else { return nil }
            return check(.speaker, .favourite(category), match, reach: .list)
        },
        Rule([
            "do|did i hate|dislike|detest|loathe {v}", "do i not like {v}", "can i not stand {v}",
        ]) { match in check(.speaker, .dislikes, match, reach: .list) },
        Rule([
            "do|did i like|love|enjoy|adore {v}", "am i fond of|into {v}", "am i a|an? big? fan of {v}",
            "am i crazy|mad|passionate about {v}",
        ]) { match in check(.speaker, .likes, match, reach: .list) },
        Rule(["do|did i play {v}"]) { match in check(.speaker, .plays, match, reach: .list) },
        Rule(["is my hobby {v}", "is {v} my hobby", "is {v} one of my hobbies", "are my hobbies {v}"]) { match in
            check(.speaker, .hobby, match, reach: .list)
        },
        Rule([
            "do|did i have|own a|an|any|some|one? {v}", "have i got a|an|any|some? {v}", "do i have got a|an|any? {v}",
            "is there a|an|any {v} in my family|house|home",
        ]) { match in
            let words = match["v"]
            let split = words.firstIndex { ["called", "named"].contains($0.key) }
            let noun = Array(words[..<(split ?? words.count)])
            guard let key = Lexicon.thingKey(noun.map(\.key)), noun.count <= 3 else { return nil }
            let name = split.flatMap { Phrase.value(Array(words[($0 + 1)...])).map(Phrase.join) }
            return .owns(key, name: name)
        },
        Rule(["is|was it {v}", "is|was the weather {v}", "does it look {v}"]) { match in
            guard FactRules.isWeather(match["v"]) || match.tokens[1].key == "the" else { return nil }
            return check(.weather, .description, match)
        },
        Rule(["am i a|an {v}"]) { match in
            let head = Lexicon.thingKey(match.keys("v")) ?? ""
            return check(.speaker, ["person", "vegetarian", "vegan", "fan"].contains(head) ? .trait : .job, match)
        },
        Rule(["am|was i {v}"]) { match in
            let words = match["v"]
            if FactRules.age(words) != nil { return check(.speaker, .age, match) }
            if let first = words.first, first.isCapitalized, words.count <= 3, !Lexicon.notNames.contains(first.key) {
                return check(.speaker, .name, match)
            }
            return check(.speaker, .trait, match)
        },
        Rule(["is|was my {v}"]) { match in
            // "Is my best friend Tom?": the thing is the longest known noun phrase, the rest is the value.
            let words = match["v"]
            guard words.count >= 2 else { return nil }
            var split = 1
            for length in stride(from: min(3, words.count - 1), through: 1, by: -1)
            where Lexicon.isThing(Lexicon.thingKey(words.prefix(length).map(\.key)) ?? "") {
                split = length
                break
            }
            let noun = Array(words[..<split])
            guard let key = Lexicon.thingKey(noun.map(\.key)), let value = Phrase.value(Array(words[split...])),
                !value.contains(where: { QuestionParser.questionWords.contains($0.key) })
            else { return nil }
            let target = Target.thing(key, noun.map(\.key).joined(separator: " "))
            if FactRules.age(value) != nil { return .check(target, .age, Phrase.join(value)) }
            if value[0].isCapitalized { return .check(target, .name, Phrase.join(value)) }
            return .check(target, .description, Phrase.join(value))
        },
        Rule(["is {v} my {x}"]) { match in
            guard match["v"].first?.isCapitalized == true else { return nil }
            return thing(match).flatMap { check($0, .name, match) }
        },
    ]

    static let general: [Rule] = [
        Rule(["what is|are my {x}"]) { match in thing(match).map { .open($0, .description) } }
    ]

    // MARK: Helpers

    static func thing(_ match: Captures) -> Target? {
        guard let key = FactRules.thing(match) else { return nil }
        var words = match.keys("x").filter { $0 != "'s" }
        if let last = words.popLast() { words.append(Lexicon.singular(last)) }  // "my cats name" -> "cat"
        return .thing(key, words.joined(separator: " "))
    }

    static func key(_ target: Target) -> String {
        if case .thing(let key, _) = target { return key }
        return ""
    }

    static func check(_ target: Target, _ attribute: Attribute, _ match: Captures, reach: Phrase.Reach = .short)
        -> Query?
    {
        guard let value = Phrase.value(match["v"], reach: reach),
            !value.contains(where: { QuestionParser.questionWords.contains($0.key) })
        else { return nil }  // "my cat called what is" is an open question in disorder, not "is it called what?"
        return .check(target, attribute, Phrase.join(value))
    }

    static func kindCheck(_ target: Target, _ match: Captures) -> Query? {
        guard let kind = Lexicon.thingKey(match.keys("v")), !QuestionParser.questionWords.contains(kind) else {
            return nil
        }
        if !Lexicon.isThing(kind) { return check(target, .description, match) }
        return .check(target, .kind, kind)
    }
}
