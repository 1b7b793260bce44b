/// The offline toxicity model could not be loaded.
public struct ProfanityModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    static func missing(_ path: String) -> Self {
        Self(path: path, message: "the offline toxicity model is not installed; run \(ModelDirectory.installCommand) (or make setup)")
    }
}
