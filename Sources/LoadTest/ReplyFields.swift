import LabCore

/// The names under which a reply's data carries its intent and references (the chatter's `data_paths` names).
public struct ReplyFields: Sendable, Hashable {
    public var intent: String
    public var references: String

    public init(intent: String = "intent", references: String = "references") {
        self.intent = intent
        self.references = references
    }

    /// The reply's intent, as text.
    func intent(in data: [String: JSON]) -> String? { data[intent]?.scalarText }

    /// The number of references: the length of a list, or a number given as is.
    func referenceCount(in data: [String: JSON]) -> Int? {
        switch data[references] {
        case .array(let items)?: return items.count
        case .number(let count)? where count >= 0 && count < 1e9: return Int(count)
        default: return nil
        }
    }
}
