import LabCore

/// The template user's typos: about one word in five of four letters or more gets one slip (two neighbouring
/// letters swapped, a letter dropped, doubled, or replaced by a neighbour on a QWERTY keyboard). Mild enough that a
/// careful bot can still read the message, as a hurried person's typing is. Deterministic for a seed.
enum SpellingMistakes {
    static let neighbours: [Character: String] = [
        "a": "qsz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj", "i": "uo", "j": "hk",
        "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o", "q": "wa", "r": "et", "s": "ad", "t": "ry",
        "u": "yi", "v": "cb", "w": "qe", "x": "zc", "y": "tu", "z": "x",
    ]

    static func apply(_ text: String, random: inout SeededRandom) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for i in words.indices {
            let letters = Array(words[i])
            guard letters.filter(\.isLetter).count >= 4, letters.allSatisfy({ $0.isLetter || $0.isPunctuation }),
                random.next() % 5 == 0 else { continue }
            let body = letters.firstIndex(where: { !$0.isLetter }) ?? letters.count
            guard body >= 4 else { continue }
            var chars = letters
            let at = 1 + Int(random.next() % UInt64(body - 2))
            switch random.next() % 4 {
            case 0: chars.swapAt(at, at + 1)
            case 1: chars.remove(at: at)
            case 2: chars.insert(chars[at], at: at)
            default:
                let lower = Character(chars[at].lowercased())
                if let options = neighbours[lower], let pick = options.randomElement(using: &random) { chars[at] = pick }
            }
            words[i] = String(chars)
        }
        return words.joined(separator: " ")
    }
}
