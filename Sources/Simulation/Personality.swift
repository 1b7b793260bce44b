/// A personality: a name and phrases that describe how the user talks, added to the user's context.
public struct Personality: Sendable, Hashable {
    public var name: String
    public var phrases: [String]

    public init(name: String, phrases: [String]) {
        self.name = name
        self.phrases = phrases
    }
}
