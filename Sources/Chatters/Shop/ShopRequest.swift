import LabCore

/// What the shop bot understood in one customer message.
struct ShopRequest: Sendable {
    var size: String?
    var toppings: [String] = []
    var mentionsPizza = false
    var drinks: [(name: String, count: Int)] = []
    var asksPrice = false
    var asksDelivery = false
    var asksMenu = false
    var confirms = false
    var greets = false
    var thanks = false
    /// "I changed my mind", "instead", "forget that": replace the last pizza rather than add one.
    var replaces = false

    var understood: Bool {
        size != nil || !toppings.isEmpty || mentionsPizza || !drinks.isEmpty || asksPrice || asksDelivery || asksMenu
            || confirms || greets || thanks
    }

    /// Words that mark a change to the order rather than an addition ("I changed my mind", "forget that change",
    /// "to correct my order"), in the languages the template user speaks.
    static let replaceCues = ["changed", "instead", "forget", "correct", "meant", "pensándolo", "ripensandoci",
        "réflexion", "überlegt", "olvide", "dimentichi", "oubliez", "vergessen", "esqueça", "pensando"]

    static let numberWords = ["one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "dos": 2, "tres": 3, "due": 2, "tre": 3, "deux": 2, "trois": 3, "zwei": 2, "drei": 3, "uno": 1, "una": 1]

    /// Reads a message: menu words (typos of one letter forgiven in words of five letters or more), counts before
    /// drinks ("2 cans of coke", "three sprites"), and a few question and confirmation cues.
    init(_ message: String, menu: ShopMenu) {
        let lower = message.lowercased()
        let words = lower.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let vocabulary = menu.sizes.map(\.name) + menu.toppings + menu.drinks.map(\.name)
        var pendingCount: Int?
        var wordsSinceCount = 0
        for word in words {
            if let n = Int(word), n > 0, n < 100 { pendingCount = n; wordsSinceCount = 0; continue }
            if let n = Self.numberWords[word] { pendingCount = n; wordsSinceCount = 0; continue }
            guard let name = Self.match(word, vocabulary) else {
                if word.hasPrefix("pizz") || Self.close(word, "pizza") { mentionsPizza = true }
                // A count reaches the drink at most three words on: "3 cans of coke", "2 big bottles of water".
                wordsSinceCount += 1
                if wordsSinceCount > 3 { pendingCount = nil }
                continue
            }
            if menu.sizes.contains(where: { $0.name == name }) {
                size = name
            } else if menu.toppings.contains(name) {
                if !toppings.contains(name) { toppings.append(name) }
            } else {
                drinks.append((name, pendingCount ?? 1))
            }
            pendingCount = nil
        }
        func has(_ cues: [String]) -> Bool { cues.contains { lower.contains($0) } }
        asksPrice = has(["how much", "price", "cost", "total", "cuánto", "quanto", "combien", "wie viel", "precio", "prezzo"])
        asksDelivery = has(["deliver", "how long", "when will", "how soon", "time", "minutes", "entrega", "consegna", "livraison"])
        asksMenu = has(["menu", "what toppings", "which toppings", "what sizes", "which sizes", "what drinks", "which drinks"])
        confirms = has(["confirm", "place the order", "that's all", "that is all", "checkout", "order id", "identifier",
            "confirme", "conferm", "bestätig"])
        // Only a short message is a thank-you ("Thank you, that is all"); a long one that ends in thanks is about
        // something else.
        thanks = words.count <= 8 && words.contains { ["thanks", "thank", "gracias", "grazie", "merci", "danke", "obrigado"].contains($0) }
        greets = words.contains { ["hello", "hi", "hey", "hola", "buongiorno", "bonjour", "olá", "guten"].contains($0) }
        replaces = words.contains { word in Self.replaceCues.contains { Self.close(word, $0) } }
    }

    /// The menu word a message word stands for: itself, a synonym, or one slip away (words of four letters or more).
    static func match(_ word: String, _ vocabulary: [String]) -> String? {
        if vocabulary.contains(word) { return word }
        if let synonym = ShopMenu.synonyms[word] { return synonym }
        return vocabulary.first { close(word, $0) }
    }

    /// One slip apart (a letter added, dropped, replaced, or two neighbours swapped) after the same first letter
    /// ("lrge" is large; "later" is not water).
    static func close(_ word: String, _ target: String) -> Bool {
        if word == target { return true }
        guard word.count >= 4, target.count >= 4, abs(word.count - target.count) <= 1, word.first == target.first else {
            return false
        }
        // Four-letter names ("coke", "beer") only take a slip inside them: "coje" is coke; "been" is not beer.
        if target.count == 4, word.count != 4 || word.last != target.last { return false }
        let a = Array(word), b = Array(target)
        if a.count == b.count {
            let differ = a.indices.filter { a[$0] != b[$0] }
            if differ.count == 1 { return true }
            return differ.count == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] && a[differ[1]] == b[differ[0]]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return Array(short[i...]) == Array(long[(i + 1)...])
    }
}
