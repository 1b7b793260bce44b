import Foundation

/// A reader for the Princeton WordNet 3.0 database files (Debian's `wordnet-base`, `/usr/share/wordnet`).
///
/// Loads the four index files into memory once and reads synsets from the memory-mapped data files by their byte
/// offset. Immutable after loading, so one instance can be shared. WordNet is © Princeton University, under its
/// permissive WordNet 3.0 licence (see the header of each database file).
public final class WordNet: Sendable {
    public enum PartOfSpeech: String, Sendable, CaseIterable {
        case noun, verb, adj, adv
    }

    /// An index entry: how many senses a lemma has and the offsets of its synsets, most frequent first.
    struct Entry: Sendable {
        var senseCount: Int
        var offsets: [Int]
    }

    public static let defaultFolder = "/usr/share/wordnet"

    private let indexes: [PartOfSpeech: [String: Entry]]
    private let data: [PartOfSpeech: Data]
    /// Irregular inflected forms from the `*.exc` files ("went", "mice").
    private let irregular: Set<String>

    /// Loads the database from `folder`; throws ``WordNetError`` naming the missing file and the package to install.
    public init(folder: String = WordNet.defaultFolder) throws {
        var indexes: [PartOfSpeech: [String: Entry]] = [:]
        var data: [PartOfSpeech: Data] = [:]
        for pos in PartOfSpeech.allCases {
            let indexPath = "\(folder)/index.\(pos.rawValue)"
            let dataPath = "\(folder)/data.\(pos.rawValue)"
            guard let index = FileManager.default.contents(atPath: indexPath),
                let mapped = try? Data(contentsOf: URL(fileURLWithPath: dataPath), options: .alwaysMapped)
            else {
                throw WordNetError.missing(path: FileManager.default.fileExists(atPath: indexPath) ? dataPath : indexPath)
            }
            indexes[pos] = Self.parseIndex(index)
            data[pos] = mapped
        }
        self.indexes = indexes
        self.data = data
        var irregular = Set<String>()
        for pos in PartOfSpeech.allCases {
            let text = (try? String(contentsOfFile: "\(folder)/\(pos.rawValue).exc", encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                if let form = line.split(separator: " ").first { irregular.insert(String(form)) }
            }
        }
        self.irregular = irregular
    }

    /// Whether the word looks like an inflected form (plural, past tense, -ing) of a base word WordNet knows; a
    /// synonym in base form would not fit there.
    public func isInflected(_ word: String) -> Bool {
        let w = word.lowercased()
        if irregular.contains(w) { return true }
        let verbs = indexes[.verb] ?? [:]
        let nouns = indexes[.noun] ?? [:]
        if w.hasSuffix("ing"), verbs[String(w.dropLast(3))] != nil || verbs[String(w.dropLast(3)) + "e"] != nil {
            return true
        }
        if w.hasSuffix("ed"), verbs[String(w.dropLast(2))] != nil || verbs[String(w.dropLast(1))] != nil { return true }
        if w.hasSuffix("s"), !w.hasSuffix("ss"), nouns[String(w.dropLast())] != nil || verbs[String(w.dropLast())] != nil {
            return true
        }
        return false
    }

    /// Parts of speech a word has, with their number of senses.
    public func senses(of word: String) -> [(pos: PartOfSpeech, count: Int)] {
        let key = word.lowercased()
        return PartOfSpeech.allCases.compactMap { pos in indexes[pos]?[key].map { (pos, $0.senseCount) } }
    }

    /// The other words of the word's most frequent synset in that part of speech ("_" turned into spaces).
    public func synonyms(of word: String, as pos: PartOfSpeech) -> [String] {
        let key = word.lowercased()
        guard let entry = indexes[pos]?[key], let offset = entry.offsets.first, let data = data[pos] else { return [] }
        return Self.synsetWords(data, offset: offset)
            .map { $0.replacingOccurrences(of: "_", with: " ") }
            .filter { $0.lowercased() != key }
    }

    /// Index line: `lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...`; licence lines start with spaces.
    static func parseIndex(_ bytes: Data) -> [String: Entry] {
        var result: [String: Entry] = [:]
        for line in bytes.split(separator: 0x0A) where line.first != 0x20 {
            let fields = line.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count > 4, let synsets = Int(fields[2]), let pointers = Int(fields[3]) else { continue }
            let senseIndex = 4 + pointers
            guard fields.count >= senseIndex + 2 + synsets else { continue }
            let offsets = fields[(senseIndex + 2)..<(senseIndex + 2 + synsets)].compactMap { Int($0) }
            result[fields[0]] = Entry(senseCount: synsets, offsets: offsets)
        }
        return result
    }

    /// Data line: `offset lex_filenum ss_type w_cnt(hex) word lex_id [word lex_id]... ...`
    static func synsetWords(_ data: Data, offset: Int) -> [String] {
        guard offset < data.count else { return [] }
        let end = data[offset...].firstIndex(of: 0x0A) ?? data.endIndex
        let fields = data[offset..<end].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count > 4, let count = Int(fields[3], radix: 16) else { return [] }
        return (0..<count).compactMap { i in
            let index = 4 + 2 * i
            guard index < fields.count else { return nil }
            // Adjective markers like "(a)" or "(p)" follow some words; drop them.
            return fields[index].components(separatedBy: "(").first
        }
    }
}

/// Problems with the WordNet database.
public enum WordNetError: Error, Sendable, CustomStringConvertible {
    case missing(path: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): error: WordNet database file missing. Install it with 'apt-get install wordnet-base' "
                + "(or run 'make setup'), or set probes.p_synonym to 0."
        }
    }
}
