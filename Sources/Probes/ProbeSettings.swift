/// How probes are drawn and laid out (the `probes:` section of an experiment config).
public struct ProbeSettings: Sendable, Hashable {
    /// Probability per eligible round that a probe of this code starts there. The sum must be at most 1.
    public var probabilities: [ProbeCode: Double]
    /// Each enabled code draws 1...maxSets distinct test sets per run.
    public var maxSets: Int
    /// ML-I1: the question comes 1...maxDistance rounds after the information.
    public var maxDistance: Int
    /// ML-U3...U6: perturbed questions after each information turn.
    public var perturbedQuestions: Int
    /// ML-I13: how often the chatter is asked about the same thing.
    public var consistencyQuestions: Int
    /// Probes start from this round (round 1 lets the chatters greet each other).
    public var firstRound: Int
    /// WordNet synonym augmentation: probability per eligible word, and copies per information variant.
    public var synonymProbability: Double
    public var augmentedCopies: Int

    public init(
        probabilities: [ProbeCode: Double] = [:], maxSets: Int = 3, maxDistance: Int = 5, perturbedQuestions: Int = 3,
        consistencyQuestions: Int = 3, firstRound: Int = 2, synonymProbability: Double = 0, augmentedCopies: Int = 0
    ) {
        self.probabilities = probabilities
        self.maxSets = maxSets
        self.maxDistance = maxDistance
        self.perturbedQuestions = perturbedQuestions
        self.consistencyQuestions = consistencyQuestions
        self.firstRound = firstRound
        self.synonymProbability = synonymProbability
        self.augmentedCopies = augmentedCopies
    }

    /// The codes with a probability above zero, in the fixed order of ``ProbeCode``.
    public var enabledCodes: [ProbeCode] { ProbeCode.allCases.filter { (probabilities[$0] ?? 0) > 0 } }
}
