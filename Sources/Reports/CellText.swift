import Foundation

/// Text made fit for a workbook: every string a sheet, chart or sheet name holds goes through here.
///
/// - Characters XML 1.0 cannot hold or that are not meant for interchange — the control characters other than tab,
///   line feed and carriage return, and the noncharacters U+FDD0…U+FDEF and U+xxFFFE, U+xxFFFF of every plane — are
///   shown as a visible marker `\u{HEX}` (e.g. `\u{1B}` for ESC, `\u{FFFE}`): a workbook with such a character in it
///   is refused by Excel, LibreOffice and openpyxl alike. C1 controls (U+0080…U+009F) are valid XML and kept.
/// - A text longer than a cell holds (``Workbook/maxTextLength`` UTF-16 code units) is cut, and ends with a marker
///   telling the full length, e.g. `… [cut: 40,000 characters]` (counted in UTF-16 code units, as Excel's LEN does).
///
/// The transcripts keep the full, original text; only the workbooks show it this way.
enum CellText {
    /// `text` with every character XML 1.0 cannot hold replaced by its marker; `text` itself when there is none.
    static func clean(_ text: String) -> String {
        guard mayNeedCleaning(text) else { return text }
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isAllowed(scalar) {
                cleaned.append(scalar)
            } else {
                cleaned.append(contentsOf: marker(scalar).unicodeScalars)
            }
        }
        return String(cleaned)
    }

    /// The marker shown for a character XML cannot hold: `\u{1B}`, `\u{FFFE}`.
    static func marker(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }

    /// True for the characters XML 1.0 can hold and that are meant for interchange.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F: return false
        case 0xFDD0...0xFDEF: return false
        case let value: return value & 0xFFFE != 0xFFFE  // U+FFFE, U+FFFF, U+1FFFE, ... U+10FFFF
        }
    }

    /// False when `text` certainly holds no character to replace: the UTF-8 of every such character has a byte
    /// below 0x20 or starts with 0xEF (U+F000…U+FFFF) or 0xF0…0xF4 (beyond U+FFFF). Most texts are decided by this
    /// one pass over their bytes.
    private static func mayNeedCleaning(_ text: String) -> Bool {
        func scan<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
            bytes.contains { byte in (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte >= 0xEF }
        }
        return text.utf8.withContiguousStorageIfAvailable { scan($0) } ?? scan(text.utf8)
    }

    /// `text` cut so it fits a cell with its marker, or `nil` when it fits as it is.
    static func cutToFit(_ text: String, limit: Int = Workbook.maxTextLength) -> String? {
        // UTF-8 is never shorter than UTF-16, and its count is O(1) for native strings: the common case costs nothing.
        guard text.utf8.count > limit else { return nil }
        let length = text.utf16.count
        guard length > limit else { return nil }
        let marker = "… [cut: \(grouped(length)) characters]"
        return SheetName.prefix(text, limit - marker.utf16.count) + marker
    }

    /// `40000` as `40,000`.
    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return digits
    }
}
