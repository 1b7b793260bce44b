import LabCore

/// The answers one batch asks for, in the matrix's seeded order: every question to every model of every provider.
public struct BatchPlan: Sendable {
    /// One answer to ask for.
    public struct Item: Sendable, Hashable {
        /// Place in the seeded order (0-based).
        public var position: Int
        public var provider: String
        public var model: BatchMatrix.Model
        public var question: Question

        public init(position: Int, provider: String, model: BatchMatrix.Model, question: Question) {
            self.position = position
            self.provider = provider
            self.model = model
            self.question = question
        }

        /// The history's key of this answer within its batch.
        public var key: AnswerKey { AnswerKey(provider: provider, model: model.name, question: question.id) }
    }

    public let items: [Item]

    /// The matrix's items shuffled by its seed (the same seed, the same order, batch after batch). With
    /// `questions_per_batch`, the questions of schedule slot `slot` (a batch run by hand: slot 0's).
    public init(_ matrix: BatchMatrix, slot: Int? = nil) {
        let questions = Self.questions(of: matrix, slot: slot ?? 0)
        var pairs: [(BatchMatrix.Provider, BatchMatrix.Model, Question)] = []
        for provider in matrix.providers {
            for model in provider.models {
                for question in questions { pairs.append((provider, model, question)) }
            }
        }
        var random = SeededRandom(seed: matrix.seed)
        pairs.shuffle(using: &random)
        items = pairs.enumerated().map {
            Item(position: $0.offset, provider: $0.element.0.name, model: $0.element.1, question: $0.element.2)
        }
    }
}

extension BatchPlan {
    /// All questions, or the slot's window of ``BatchMatrix/questionsPerBatch`` over the seeded question order.
    static func questions(of matrix: BatchMatrix, slot: Int) -> [Question] {
        let count = matrix.questions.count
        let size = matrix.questionsAskedPerBatch
        guard size < count else { return matrix.questions }
        var random = SeededRandom(seed: SeededRandom.derive(matrix.seed, 1))
        let order = matrix.questions.shuffled(using: &random)
        let start = (slot % count) * size % count
        return (0..<size).map { order[(start + $0) % count] }
    }
}

/// What identifies an answer within a batch: the provider, the model and the question.
public struct AnswerKey: Sendable, Hashable {
    public var provider: String
    public var model: String
    public var question: String

    public init(provider: String, model: String, question: String) {
        self.provider = provider
        self.model = model
        self.question = question
    }
}
