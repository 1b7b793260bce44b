/// The few word lists the reference bot needs: things people own, their categories, synonyms, numbers, plurals.
enum Lexicon {
    /// Words that mean the same thing for the bot's memory, mapped to one key.
    static let synonyms: [String: String] = [
        "kitten": "cat", "kitty": "cat", "puppy": "dog", "doggy": "dog", "doggie": "dog", "bunny": "rabbit",
        "bicycle": "bike", "automobile": "car", "motorcycle": "motorbike", "hubby": "husband", "mom": "mother",
        "mum": "mother", "mommy": "mother", "mummy": "mother", "dad": "father", "daddy": "father", "kid": "child",
        "movie": "film", "color": "colour", "favorite": "favourite", "neighbor": "neighbour",
        "sibling": "sibling", "animal": "pet",
    ]

    /// Things people own or have, by category. A category word (`pet`) stands for all of its members.
    static let categories: [String: [String]] = [
        "pet": [
            "cat", "dog", "rabbit", "hamster", "parrot", "bird", "fish", "goldfish", "horse", "pony", "turtle",
            "tortoise", "snake", "mouse", "rat", "ferret", "lizard", "guinea pig", "pig", "goat", "chicken", "cow",
            "budgie", "canary", "gerbil", "owl", "duck", "sheep", "donkey", "spider", "frog",
        ],
        "sibling": ["brother", "sister"],
        "child": ["son", "daughter", "baby"],
        "vehicle": ["car", "bike", "motorbike", "truck", "van", "boat", "scooter"],
    ]

    /// People and things that are not in a category but still count as a "thing" the speaker can have.
    static let otherThings: Set<String> = [
        "wife", "husband", "partner", "boyfriend", "girlfriend", "friend", "mother", "father", "parent", "cousin",
        "aunt", "uncle", "grandmother", "grandma", "grandfather", "grandpa", "niece", "nephew", "neighbour",
        "boss", "colleague", "teacher", "house", "flat", "apartment", "garden", "computer", "phone", "guitar",
        "piano", "team", "roommate", "flatmate", "fiance", "fiancee",
    ]

    /// The category of a thing key, or the key itself when it is a category word.
    static func category(of key: String) -> String? {
        if categories[key] != nil { return key }
        return categories.first { $0.value.contains(key) }?.key
    }

    static func isCategoryWord(_ key: String) -> Bool { categories[key] != nil }

    /// True for things the bot treats as something the speaker has (pets, relatives, vehicles...).
    static func isThing(_ key: String) -> Bool {
        category(of: key) != nil || otherThings.contains(key)
    }

    /// The memory key of a noun phrase: its last word, singular, synonyms folded (`my little Kittens` -> `cat`).
    static func thingKey(_ words: [String]) -> String? {
        let content = words.filter { !determiners.contains($0) && $0 != "," && $0 != "'s" }
        guard let last = content.last else { return nil }
        if content.count >= 2 {
            let pair = content[content.count - 2] + " " + singular(last)
            if categories.values.contains(where: { $0.contains(pair) }) { return pair }
        }
        let word = singular(last)
        return synonyms[word] ?? word
    }

    static let determiners: Set<String> = [
        "a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "some", "any", "this", "that",
        "little", "big", "old", "young", "new", "older", "younger", "best", "lovely", "cute", "small", "only", "one",
    ]

    static let articles: Set<String> = ["a", "an", "the"]

    /// English singular of a lower-case word (good enough for nouns people own).
    static func singular(_ word: String) -> String {
        let irregular = [
            "children": "child", "mice": "mouse", "geese": "goose", "people": "person", "men": "man",
            "women": "woman", "fish": "fish", "sheep": "sheep", "kids": "kid", "teeth": "tooth", "feet": "foot",
            "wolves": "wolf", "knives": "knife", "wives": "wife", "lives": "life", "ponies": "pony",
            "puppies": "puppy", "kitties": "kitty", "bunnies": "bunny", "babies": "baby", "series": "series",
        ]
        if let known = irregular[word] { return known }
        if word.count <= 3 || word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for ending in ["ches", "shes", "xes", "sses", "zes"] where word.hasSuffix(ending) {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("oes") { return String(word.dropLast(2)) }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }

    /// English plural of a lower-case noun.
    static func plural(_ word: String) -> String {
        let irregular = [
            "child": "children", "mouse": "mice", "goose": "geese", "person": "people", "fish": "fish",
            "sheep": "sheep", "wife": "wives",
        ]
        if let known = irregular[word] { return known }
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) {
            return String(word.dropLast()) + "ies"
        }
        if ["s", "x", "ch", "sh", "z"].contains(where: { word.hasSuffix($0) }) { return word + "es" }
        return word + "s"
    }

    /// `a dog`, `an owl`.
    static func withArticle(_ noun: String) -> String {
        guard let first = noun.lowercased().first else { return noun }
        return ("aeiou".contains(first) ? "an " : "a ") + noun
    }

    static let numberWords: [String: Int] = [
        "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
        "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90, "hundred": 100, "a couple of": 2,
    ]

    /// A number written with digits or words (`34`, `thirty-four`, `thirty four`), and how many words it took.
    static func number(_ words: [String]) -> (value: Int, length: Int)? {
        guard let first = words.first else { return nil }
        if let value = Int(first) { return (value, 1) }
        let parts = first.split(separator: "-").map(String.init)
        if parts.count == 2, let tens = numberWords[parts[0]], let units = numberWords[parts[1]], tens >= 20,
            units < 10
        {
            return (tens + units, 1)
        }
        guard let tens = numberWords[first], first != "a", first != "an", first != "no" else { return nil }
        if tens >= 20, tens < 100, words.count > 1, let units = numberWords[words[1]], units > 0, units < 10,
            words[1] != "a", words[1] != "an"
        {
            return (tens + units, 2)
        }
        return (tens, 1)
    }

    /// The number as a word for small numbers (`two`), digits otherwise.
    static func spell(_ value: Int) -> String {
        let words = [
            "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        ]
        return value >= 0 && value < words.count ? words[value] : String(value)
    }

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// True when the words look like a date or a year rather than a place.
    static func looksLikeDate(_ words: [String]) -> Bool {
        words.contains { word in
            months.contains(word) || word.first?.isNumber == true
                || ["spring", "summer", "autumn", "winter", "fall", "christmas"].contains(word)
        }
    }

    /// Words that describe the weather (`sunny`, `raining`).
    static let weather: Set<String> = [
        "sunny", "rainy", "raining", "cloudy", "snowy", "snowing", "windy", "foggy", "misty", "stormy", "cold",
        "hot", "warm", "chilly", "freezing", "humid", "nice", "lovely", "beautiful", "bad", "awful", "terrible",
        "grey", "gray", "overcast", "clear", "wet", "dry", "drizzling", "pouring", "hailing", "mild", "fine",
    ]

    /// Everyday words that are written with a capital only at the start of a sentence.
    static let commonWords: Set<String> = [
        "red", "blue", "green", "yellow", "black", "white", "orange", "purple", "pink", "brown", "grey", "gray",
        "violet", "turquoise", "gold", "silver", "pizza", "pasta", "sushi", "chocolate", "football", "soccer",
        "tennis", "basketball", "swimming", "reading", "jazz", "rock", "pop", "summer", "winter", "spring", "autumn",
        "tea", "coffee", "water", "beer", "wine", "chess", "cooking", "hiking", "music", "dancing",
    ]

    /// Words that, when someone says "I am X", are not a name even if capitalised.
    static let notNames: Set<String> = [
        "english", "british", "american", "french", "german", "spanish", "italian", "swedish", "dutch", "danish",
        "norwegian", "finnish", "polish", "chinese", "japanese", "korean", "indian", "canadian", "australian",
        "irish", "scottish", "welsh", "russian", "portuguese", "brazilian", "mexican", "greek", "turkish", "swiss",
        "austrian", "belgian", "christian", "muslim", "jewish", "catholic", "buddhist", "hindu", "european",
        "african", "asian", "fine", "good", "ok", "okay", "sorry", "here", "back", "ready", "sure", "tired",
        "happy", "sad", "bored", "hungry", "great", "well", "not", "so", "very", "also", "too", "i",
    ]
}
