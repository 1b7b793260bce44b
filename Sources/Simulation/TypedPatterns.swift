import Foundation
import LabCore

/// Finds typed values in text without an LLM: amounts with currencies, numbers (decimal commas and thousands
/// separators understood), clock times, dates, yes/no, and identifiers after a cue word.
enum TypedPatterns {
    static let money = try! NSRegularExpression(
        pattern: #"(?:([$€£¥₹])\s?([-+]?\d[\d,]*(?:\.\d+)?))|(?:([-+]?\d[\d.,]*)\s?(USD|EUR|GBP|JPY|INR|dollars?|euros?|pounds?|yen|rupees?|[$€£¥₹]))"#,
        options: [.caseInsensitive])
    static let number = try! NSRegularExpression(pattern: #"[-+]?\d+(?:[.,]\d+)*"#)
    static let time = try! NSRegularExpression(
        pattern: #"\b(\d{1,2})(?::(\d{2}))(?::(\d{2}))?\s*([ap]\.?\s?m\.?)?|\b(\d{1,2})\s*([ap]\.?\s?m\.?)"#, options: [.caseInsensitive])
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december"]
    static let isoDate = try! NSRegularExpression(pattern: #"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"#)
    static let slashDate = try! NSRegularExpression(pattern: #"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"#)
    static let wordDate = try! NSRegularExpression(
        pattern: #"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]+),?\s+(\d{4})\b|\b([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#)
    static let symbols: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"]

    /// A number as people write it: `12,50` and `12.50` are 12.5; `1,234.5` and `1.234,5` are 1234.5.
    static func parseNumber(_ raw: String) -> Double? {
        var text = raw
        let sign = text.hasPrefix("-") ? -1.0 : 1.0
        if text.hasPrefix("-") || text.hasPrefix("+") { text.removeFirst() }
        let commas = text.filter { $0 == "," }.count, dots = text.filter { $0 == "." }.count
        if commas > 0, dots > 0 {
            let decimalComma = text.lastIndex(of: ",")! > text.lastIndex(of: ".")!
            text = decimalComma ? text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
                : text.replacingOccurrences(of: ",", with: "")
        } else if commas == 1, let comma = text.firstIndex(of: ",") {
            let after = text.distance(from: comma, to: text.endIndex) - 1
            text = after == 3 ? text.replacingOccurrences(of: ",", with: "") : text.replacingOccurrences(of: ",", with: ".")
        } else if commas > 1 {
            text = text.replacingOccurrences(of: ",", with: "")
        } else if dots > 1 {
            text = text.replacingOccurrences(of: ".", with: "")
        }
        return Double(text).map { $0 * sign }
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> [[String?]] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }

    static func moneyValues(_ text: String) -> [String] {
        matches(money, text).compactMap { groups in
            let symbol = groups[1], amount = groups[2] ?? groups[3], unit = groups[4]
            guard let amount, let value = parseNumber(amount) else { return nil }
            let code: String
            if let symbol { code = symbols[symbol] ?? symbol } else if let unit { code = currencyCode(unit) } else { return nil }
            return String(format: "%.2f %@", value, code)
        }
    }

    static func currencyCode(_ unit: String) -> String {
        if let code = symbols[unit] { return code }
        let lower = unit.lowercased()
        if lower.hasPrefix("dollar") { return "USD" }
        if lower.hasPrefix("euro") { return "EUR" }
        if lower.hasPrefix("pound") { return "GBP" }
        if lower == "yen" { return "JPY" }
        if lower.hasPrefix("rupee") { return "INR" }
        return unit.uppercased()
    }

    static func numbers(_ text: String) -> [Double] {
        matches(number, text).compactMap { $0[0].flatMap(parseNumber) }
    }

    static func times(_ text: String) -> [String] {
        matches(time, text).compactMap { groups in
            var hour: Int, minute = 0, second = 0
            let meridiem: String?
            if let h = groups[1].flatMap({ Int($0) }) {
                hour = h
                minute = groups[2].flatMap { Int($0) } ?? 0
                second = groups[3].flatMap { Int($0) } ?? 0
                meridiem = groups[4]
            } else if let h = groups[5].flatMap({ Int($0) }) {
                hour = h
                meridiem = groups[6]
            } else { return nil }
            if let meridiem = meridiem?.lowercased().filter({ $0.isLetter }) {
                if meridiem == "pm", hour < 12 { hour += 12 }
                if meridiem == "am", hour == 12 { hour = 0 }
            }
            guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
            return String(format: "%02d:%02d:%02d", hour, minute, second)
        }
    }

    static func dates(_ text: String) -> [String] {
        var found: [String] = []
        func add(_ year: Int?, _ month: Int?, _ day: Int?) {
            guard let year, let month, let day, (1...12).contains(month), (1...31).contains(day) else { return }
            found.append(String(format: "%04d-%02d-%02d", year, month, day))
        }
        for g in matches(isoDate, text) { add(g[1].flatMap { Int($0) }, g[2].flatMap { Int($0) }, g[3].flatMap { Int($0) }) }
        for g in matches(slashDate, text) { add(g[3].flatMap { Int($0) }, g[2].flatMap { Int($0) }, g[1].flatMap { Int($0) }) }
        for g in matches(wordDate, text) {
            if let day = g[1], let month = g[2], let year = g[3] {
                add(Int(year), monthNumber(month), Int(day))
            } else if let month = g[4], let day = g[5], let year = g[6] {
                add(Int(year), monthNumber(month), Int(day))
            }
        }
        return found
    }

    static func monthNumber(_ word: String) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        return months.firstIndex { $0.hasPrefix(lower) || lower.hasPrefix($0) }.map { $0 + 1 }
    }

    static let negations: Set<String> = ["not", "no", "cannot", "can't", "isn't", "don't", "doesn't", "won't", "unfortunately",
        "unavailable", "never", "none"]
    static let affirmations: Set<String> = ["yes", "confirmed", "available", "sure", "certainly", "of course", "can", "will",
        "is", "are", "does", "do", "included"]

    static func bool(_ sentence: String) -> Bool? {
        let words = Set(sentence.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init))
        if !words.isDisjoint(with: negations) { return false }
        if !words.isDisjoint(with: affirmations) { return true }
        return nil
    }
}
