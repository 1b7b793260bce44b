/// How often a judge or scorer agreed with people on the items of one class of a labeled set ("non-answer (no)",
/// "deflection", "correct short answer"); `chatlab calibrate` reports it for every class, not only overall.
public struct ClassAccuracy: Codable, Sendable, Hashable {
    public var items: Int
    /// Items where the judge's verdict equals the label.
    public var agreed: Int
    /// `agreed / items` (0...1); nil without items.
    public var accuracy: Double? { items == 0 ? nil : Double(agreed) / Double(items) }

    public init(items: Int = 0, agreed: Int = 0) {
        self.items = items
        self.agreed = agreed
    }

    /// Counts one item of the class.
    public mutating func add(agreed: Bool) {
        items += 1
        if agreed { self.agreed += 1 }
    }

    /// Tallies `(class, agreed)` pairs into one entry per class.
    public static func tally(_ outcomes: [(label: String, agreed: Bool)]) -> [String: ClassAccuracy] {
        var result: [String: ClassAccuracy] = [:]
        for outcome in outcomes { result[outcome.label, default: ClassAccuracy()].add(agreed: outcome.agreed) }
        return result
    }

    private enum CodingKeys: String, CodingKey { case items, agreed, accuracy }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items = try container.decode(Int.self, forKey: .items)
        agreed = try container.decode(Int.self, forKey: .agreed)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(agreed, forKey: .agreed)
        try container.encodeIfPresent(accuracy, forKey: .accuracy)
    }
}
