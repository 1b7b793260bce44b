import Foundation

/// Reads a `Retry-After` header value defensively (RFC 9110 §10.2.3).
///
/// Accepted: a non-negative, finite number of seconds (`120`, `1.5`), or an HTTP-date in IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`) or one of the obsolete forms (RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`, asctime
/// `Sun Nov  6 08:49:37 1994`), turned into the seconds from `now` to that date (0 for a date in the past). Anything
/// else — `nan`, `inf`, negative numbers, hexadecimal, text, over-long values — is ignored (`nil`), so the caller
/// falls back to its own backoff. The result is always finite and non-negative; callers still cap it.
public enum RetryAfter {
    /// Longer values are not parsed at all.
    static let maxLength = 64

    /// The wait the header value asks for, in seconds, or `nil` when the value is not a valid `Retry-After`.
    public static func seconds(_ value: String, now: Date = Date()) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.count <= maxLength else { return nil }
        if let seconds = plainSeconds(text) { return seconds }
        guard let date = httpDate(text) else { return nil }
        let wait = date.timeIntervalSince(now)
        return wait.isFinite ? max(0, wait) : nil
    }

    /// Digits with at most one decimal point (`delta-seconds`, decimals tolerated): no sign, exponent, `nan` or `inf`.
    private static func plainSeconds(_ text: String) -> Double? {
        var points = 0
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") { points += 1 } else if (48...57).contains(byte) { digits += 1 } else { return nil }
        }
        guard digits > 0, points <= 1, let value = Double(text), value.isFinite, value >= 0 else { return nil }
        return value
    }

    /// IMF-fixdate, then RFC 850, then asctime; always GMT.
    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        for format in ["EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            let squeezed = format.hasPrefix("EEE MMM") ? text.split(separator: " ").joined(separator: " ") : text
            if let date = formatter.date(from: squeezed) { return date }
        }
        return nil
    }
}
