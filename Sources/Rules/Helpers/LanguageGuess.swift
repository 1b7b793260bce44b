/// An offline language identifier for `language()`: counts each language's most common short words in the text and
/// picks the language with the most, giving SENSEI's codes (ENG, ESP, FR, GER, IT, POR) or OTHER when no word is
/// known. Good for a sentence or more; a one-word text is often OTHER.
enum LanguageGuess {
    private static let stopWords: [(code: String, words: Set<String>)] = [
        ("ENG", ["the", "and", "is", "are", "you", "to", "of", "what", "with", "your", "for", "this", "have", "would",
                 "please", "i", "it", "my", "can", "do", "want", "like", "thank", "thanks", "hello", "order", "how"]),
        ("ESP", ["el", "la", "los", "las", "y", "es", "que", "de", "por", "para", "con", "una", "quiero", "gracias",
                 "hola", "su", "pedido", "cuánto", "usted", "está", "del", "al", "favor", "mi"]),
        ("FR", ["le", "la", "les", "et", "est", "vous", "je", "une", "des", "du", "pour", "avec", "merci", "bonjour",
                "votre", "commande", "voudrais", "sont", "pas", "au", "mon", "ce", "qui"]),
        ("GER", ["der", "die", "das", "und", "ist", "sie", "ich", "ein", "eine", "mit", "für", "nicht", "bitte",
                 "danke", "hallo", "ihre", "bestellung", "möchte", "zu", "den", "mein", "wie"]),
        ("IT", ["il", "lo", "gli", "e", "è", "che", "di", "per", "con", "una", "grazie", "ciao", "vorrei", "sono",
                "ordine", "della", "del", "non", "mio", "come", "suo"]),
        ("POR", ["o", "os", "as", "e", "é", "que", "de", "para", "com", "uma", "obrigado", "obrigada", "olá", "eu",
                 "pedido", "você", "não", "do", "da", "quero", "meu", "está"]),
    ]

    static func code(_ text: String) -> String {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        var best = (code: "OTHER", score: 0)
        for (code, list) in stopWords {
            let score = words.count { list.contains($0) }
            if score > best.score { best = (code, score) }
        }
        return best.code
    }
}
