/// What a worksheet cell holds.
///
/// Text is always stored as a plain string, never as a formula, even when it starts with `=`, `+`, `-` or `@`.
/// Non-finite numbers (NaN, ±infinity) are written as blank cells, since Excel cannot store them.
public enum CellValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case integer(Int)
    case blank

    /// A number, or blank when `value` is `nil`.
    public static func number(_ value: Double?) -> CellValue {
        value.map { .number($0) } ?? .blank
    }

    /// A text, or blank when `value` is `nil`.
    public static func text(_ value: String?) -> CellValue {
        value.map { .text($0) } ?? .blank
    }
}
