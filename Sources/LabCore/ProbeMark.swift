/// Marks a turn whose text was injected by the runner as part of a probe (a test case).
public struct ProbeMark: Codable, Sendable, Hashable {
    /// Which part of the probe this turn is.
    public enum Role: String, Codable, Sendable {
        case information
        case question
    }

    /// Test code, e.g. `ML-I1`.
    public var code: String
    /// Test-set id.
    public var set: String
    public var role: Role
    /// Index of the variant used (information or question variant).
    public var variant: Int
    /// The text before perturbation, when a perturbation changed it.
    public var original: String?
    /// What the perturbation asked for and what it changed (including its histogram `bucket`).
    public var perturbation: [String: Double]?
    /// For ML-I1: rounds between the information and the question.
    public var distance: Int?

    public init(
        code: String, set: String, role: Role, variant: Int,
        original: String? = nil, perturbation: [String: Double]? = nil, distance: Int? = nil
    ) {
        self.code = code
        self.set = set
        self.role = role
        self.variant = variant
        self.original = original
        self.perturbation = perturbation
        self.distance = distance
    }
}
