/// One of the two places at the table. Chatter 1 usually drives the conversation; chatter 2 is usually under test.
public enum Seat: Int, Codable, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case chatter1 = 1
    case chatter2 = 2

    /// The seat across the table.
    public var other: Seat { self == .chatter1 ? .chatter2 : .chatter1 }

    /// The name used in configs and reports: `chatter1`, `chatter2`.
    public var description: String { "chatter\(rawValue)" }

    public static func < (lhs: Seat, rhs: Seat) -> Bool { lhs.rawValue < rhs.rawValue }
}
