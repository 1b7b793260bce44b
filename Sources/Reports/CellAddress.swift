/// Excel cell names such as `B7` from 0-based indices.
public enum CellAddress {
    /// The column letters for a 0-based column: 0 → `A`, 26 → `AA`.
    public static func column(_ col: Int) -> String {
        var number = col + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// The cell name for 0-based indices: (0, 0) → `A1`.
    public static func name(row: Int, col: Int) -> String {
        "\(column(col))\(row + 1)"
    }
}
