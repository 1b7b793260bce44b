import Foundation
import LabCore

/// Extracts a conversation's typed outputs from the bot's messages without an LLM.
///
/// Cue words come from the output's name and description ("order_id", "total price of the order"). The newest
/// sentence that holds the most cue words and a value of the output's type gives the value; for money, times and
/// dates a value the bot gave only once in the whole conversation is taken even without a cue. Anything else is
/// missing (`nil`), never guessed.
public struct OutputExtractor: Sendable {
    public init() {}

    static let stopWords: Set<String> = ["the", "a", "an", "of", "to", "in", "for", "and", "or", "with", "is", "that",
        "this", "your", "my", "it", "by", "on", "at", "as", "be", "which", "what", "how", "from", "value", "chatbot",
        "user", "conversation", "given", "provided"]
    static let fillers: Set<String> = ["is", "was", "will", "be", "the", "a", "an", "of", "number", "no", "nr", "#", ":",
        "=", "your", "its", "are", "reads", "code", "id", "identifier", "include", "includes", "were"]

    public func extract(_ spec: OutputSpec, from botMessages: [String]) -> JSON? {
        let cues = Self.cues(spec)
        var ranked: [(score: Int, order: Int, sentence: String)] = []
        var order = 0
        for message in botMessages.reversed() {
            for sentence in Self.sentences(message).reversed() {
                let score = Self.cueScore(sentence, cues)
                if score > 0 { ranked.append((score, order, sentence)) }
                order += 1
            }
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        for candidate in ranked {
            if let value = value(of: spec.type, in: candidate.sentence, cues: cues) { return value }
        }
        switch spec.type {
        case .money, .time, .date:
            let all = Set(botMessages.flatMap { Self.sentences($0) }.compactMap { value(of: spec.type, in: $0, cues: cues) })
            return all.count == 1 ? all.first : nil
        default:
            return nil
        }
    }

    func value(of type: OutputType, in sentence: String, cues: [String]) -> JSON? {
        switch type {
        case .money: return TypedPatterns.moneyValues(sentence).first.map(JSON.string)
        case .int: return Self.number(sentence, cues, whole: true).map { .number($0) }
        case .float: return Self.number(sentence, cues, whole: false).map { .number($0) }
        case .time: return TypedPatterns.times(sentence).first.map(JSON.string)
        case .date: return TypedPatterns.dates(sentence).first.map(JSON.string)
        case .bool: return TypedPatterns.bool(sentence).map(JSON.bool)
        case .string:
            guard let token = Self.afterCue(sentence, cues).flatMap(Self.token), Self.looksLikeValue(token) else { return nil }
            return .string(token)
        case .list(let element):
            let items: [JSON]
            switch element {
            case .money: items = TypedPatterns.moneyValues(sentence).map(JSON.string)
            case .int, .float: items = (Self.afterCue(sentence, cues).map(TypedPatterns.numbers) ?? []).map { .number($0) }
            case .time: items = TypedPatterns.times(sentence).map(JSON.string)
            case .date: items = TypedPatterns.dates(sentence).map(JSON.string)
            default:
                var rest = Substring(Self.afterCue(sentence, cues) ?? "")
                while let word = rest.split(separator: " ").first, Self.fillers.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters)) || word == ":" {
                    rest = rest.drop { $0 == " " }.dropFirst(word.count)
                }
                items = String(rest)
                    .replacingOccurrences(of: " and ", with: ", ").split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) }
                    .filter { !$0.isEmpty }.map(JSON.string)
            }
            return items.isEmpty ? nil : .array(items)
        }
    }

    /// The first number after the last cue word, else the first in the sentence.
    static func number(_ sentence: String, _ cues: [String], whole: Bool) -> Double? {
        let fits: (Double) -> Bool = { !whole || $0.rounded() == $0 }
        if let after = afterCue(sentence, cues), let found = TypedPatterns.numbers(after).first(where: fits) { return found }
        return TypedPatterns.numbers(sentence).first(where: fits)
    }

    static func cues(_ spec: OutputSpec) -> [String] {
        let words = (spec.name.replacingOccurrences(of: "_", with: " ") + " " + spec.description).lowercased()
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
        var seen: [String] = []
        for word in words where word.count >= 2 && !stopWords.contains(word) && !seen.contains(word) { seen.append(word) }
        return seen
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    static func cueScore(_ sentence: String, _ cues: [String]) -> Int {
        let present = Set(words(sentence))
        return cues.filter { cue in present.contains(cue) || present.contains { $0.count >= 4 && cue.count >= 4 && $0.hasPrefix(String(cue.prefix(4))) } }.count
    }

    /// The text after the last cue word in the sentence (the whole sentence when no cue word is in it).
    static func afterCue(_ sentence: String, _ cues: [String]) -> String? {
        let lower = sentence.lowercased()
        var best: String.Index?
        for cue in cues {
            var search = lower.startIndex..<lower.endIndex
            while let range = lower.range(of: cue, range: search) {
                let startsWord = range.lowerBound == lower.startIndex || !lower[lower.index(before: range.lowerBound)].isLetter
                let endsWord = range.upperBound == lower.endIndex || !lower[range.upperBound].isLetter
                if startsWord, endsWord, best.map({ range.upperBound > $0 }) ?? true { best = range.upperBound }
                search = range.upperBound..<lower.endIndex
            }
        }
        guard let best else { return sentence }
        let offset = lower.distance(from: lower.startIndex, to: best)
        return String(sentence.dropFirst(offset))
    }

    /// Whether a token after a cue is a value rather than an ordinary word ("PZ-1A2B", "A17", "Ada" but not "comes"):
    /// it holds a digit or a capital letter.
    static func looksLikeValue(_ token: String) -> Bool {
        token.contains { $0.isNumber || $0.isUppercase }
    }

    /// The first identifier-like token, skipping words such as "is", "number", "#".
    static func token(_ text: String) -> String? {
        let parts = text.split { $0 == " " || $0 == "\t" || $0 == "\n" }
        for part in parts {
            let cleaned = part.trimmingCharacters(in: CharacterSet(charactersIn: "\"'`“”‘’()[]{},;!?:").union(.whitespaces))
            let trimmed = cleaned.hasSuffix(".") ? String(cleaned.dropLast()) : cleaned
            if trimmed.isEmpty || fillers.contains(trimmed.lowercased()) { continue }
            guard trimmed.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            return trimmed
        }
        return nil
    }

    /// Sentences, split after `.`, `!`, `?` followed by a space, and at line breaks (decimal points stay).
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (i, c) in characters.enumerated() {
            if c == "\n" {
                if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current) }
                current = ""
                continue
            }
            current.append(c)
            if ".!?".contains(c), i + 1 < characters.count, characters[i + 1] == " " {
                result.append(current)
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current) }
        return result.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
