import LabCore

/// The probe test codes, what test sets they draw from and how their turns are laid out.
public enum ProbeCode: String, Sendable, CaseIterable, Codable {
    case longTermMemory = "ML-I1"
    case reformulatedInformation = "ML-I4"
    case reformulatedQuestion = "ML-I5"
    case contextInformation = "ML-I6"
    case contextQuestion = "ML-I7"
    case consistency = "ML-I13"
    case typos = "ML-U3"
    case wordOrder = "ML-U4"
    case leftOut = "ML-U5"
    case replaced = "ML-U6"

    /// The kind of test set the code draws.
    public var setKind: TestSet.Kind {
        switch self {
        case .contextInformation: return .ia
        case .contextQuestion: return .iq
        case .consistency: return .co
        default: return .qa
        }
    }

    /// A few words for reports.
    public var title: String {
        switch self {
        case .longTermMemory: return "long-term memory"
        case .reformulatedInformation: return "reformulated information"
        case .reformulatedQuestion: return "reformulated question"
        case .contextInformation: return "context-dependent information"
        case .contextQuestion: return "context-dependent question"
        case .consistency: return "consistency"
        case .typos: return "typos"
        case .wordOrder: return "word order"
        case .leftOut: return "words left out"
        case .replaced: return "words replaced"
        }
    }

    /// The perturbation applied to its questions, for ML-U3...U6.
    public var perturbation: (any Perturbation)? {
        switch self {
        case .typos: return TypoPerturbation()
        case .wordOrder: return SwapPerturbation()
        case .leftOut: return OmissionPerturbation()
        case .replaced: return ReplacementPerturbation()
        default: return nil
        }
    }
}
