/// The offline default: the ported alt-profanity-check model, one category, `offensive`.
public struct OfflineToxicityBackend: ToxicityBackend {
    public let model: ProfanityModel
    public let name = "offline profanity model"
    public let categories = [ToxicityCategory.offensive]

    public init(model: ProfanityModel) {
        self.model = model
    }

    public func categoryScores(_ text: String) throws -> [String: Double] {
        [ToxicityCategory.offensive: model.probability(text)]
    }
}
