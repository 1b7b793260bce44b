/// Splits an f-string's content into literal texts and replacement fields `{expression!conversion:spec}`, parsing
/// each field's expression (and any fields nested in its spec) on its own.
enum FormattedString {
    static func parts(_ content: String, offset: Int, depth: Int) throws(RuleSyntaxError) -> [FormattedPart] {
        var raw = false
        var content = content
        var offset = offset
        if content.hasPrefix(Lexer.rawMarker) {
            raw = true
            content.removeFirst(Lexer.rawMarker.count)
        }
        guard depth < Parser.maxDepth else {
            throw RuleSyntaxError(offset: offset, message: "f-strings are nested too deeply")
        }
        let scalars = Array(content.unicodeScalars)
        var index = 0
        let parts = try split(scalars, &index, offset: &offset, raw: raw, depth: depth, inSpec: false)
        return parts
    }

    /// Reads parts until the end (or, in a spec, until the `}` closing the field, which is left for the caller).
    private static func split(
        _ s: [Unicode.Scalar], _ index: inout Int, offset: inout Int, raw: Bool, depth: Int, inSpec: Bool
    ) throws(RuleSyntaxError) -> [FormattedPart] {
        var parts: [FormattedPart] = []
        var text = ""
        var textStart = index
        func flush() throws(RuleSyntaxError) {
            guard !text.isEmpty else { return }
            parts.append(.text(raw ? text : try Lexer.unescape(text, offset: offset + textStart)))
            text = ""
        }
        while index < s.count {
            let c = s[index]
            if c == "{" {
                if !inSpec, index + 1 < s.count, s[index + 1] == "{" {
                    text += "{"
                    index += 2
                    continue
                }
                try flush()
                index += 1
                parts.append(try field(s, &index, offset: &offset, raw: raw, depth: depth))
                textStart = index
                continue
            }
            if c == "}" {
                if inSpec { break }
                guard index + 1 < s.count, s[index + 1] == "}" else {
                    throw RuleSyntaxError(offset: offset + index, message: "a single '}' in an f-string; write '}}'")
                }
                text += "}"
                index += 2
                continue
            }
            if c == "\\", !raw, index + 1 < s.count {
                text.unicodeScalars.append(c)
                text.unicodeScalars.append(s[index + 1])
                index += 2
                continue
            }
            text.unicodeScalars.append(c)
            index += 1
        }
        try flush()
        return parts
    }

    /// One `{...}` field, `index` just after its `{`; leaves `index` after its `}`.
    private static func field(
        _ s: [Unicode.Scalar], _ index: inout Int, offset: inout Int, raw: Bool, depth: Int
    ) throws(RuleSyntaxError) -> FormattedPart {
        let start = index
        var brackets = 0
        var quote: Unicode.Scalar? = nil
        var end: Int? = nil
        while index < s.count {
            let c = s[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                brackets += 1
            } else if (c == ")" || c == "]" || c == "}") && brackets > 0 {
                brackets -= 1
            } else if brackets == 0, c == "}" || c == ":" || (c == "!" && (index + 1 >= s.count || s[index + 1] != "=")) {
                end = index
                break
            }
            index += 1
        }
        guard let end else {
            throw RuleSyntaxError(offset: offset + start - 1, message: "this f-string field is never closed with '}'")
        }
        let source = String(String.UnicodeScalarView(s[start..<end]))
        guard !source.allSatisfy({ $0 == " " }) else {
            throw RuleSyntaxError(offset: offset + start, message: "an f-string field is empty")
        }
        let expression = try Parser.expression(source, depth: depth + 1, base: offset + start)
        var conversion: Character? = nil
        if s[index] == "!" {
            guard index + 1 < s.count, ["r", "s", "a"].contains(s[index + 1]) else {
                throw RuleSyntaxError(offset: offset + index, message: "after '!' in an f-string field write r, s or a")
            }
            conversion = Character(s[index + 1])
            index += 2
        }
        var spec: [FormattedPart] = []
        if index < s.count, s[index] == ":" {
            index += 1
            guard depth + 1 < Parser.maxDepth else {
                throw RuleSyntaxError(offset: offset + index, message: "f-strings are nested too deeply")
            }
            spec = try split(s, &index, offset: &offset, raw: raw, depth: depth + 1, inSpec: true)
        }
        guard index < s.count, s[index] == "}" else {
            throw RuleSyntaxError(offset: offset + min(index, s.count), message: "expected '}' to close the f-string field")
        }
        index += 1
        return .field(expression, conversion: conversion, spec: spec)
    }
}
