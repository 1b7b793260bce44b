/// Items as English writes a list: `a`, `a and b`, `a, b and c`.
public enum EnglishList {
    public static func joined(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
