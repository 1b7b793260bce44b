import LabCore

/// The probe test codes, what test sets they draw from and how their turns are laid out.
///
/// To add a perturbation: write it in its own file (a ``Perturbation`` with its code, catalogue entry, histogram and
/// `apply`), then register it here: a case whose raw value is its code, returned by ``perturbation``. Each other
/// code's catalogue entry is in `ProbeCode+Check.swift`.
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
    public var title: String { check.title }

    /// The perturbation applied to its questions, for ML-U3...U6; a code with one is laid out as the fact, then
    /// `perturbed_questions` perturbed questions, and takes its catalogue entry and histogram from it.
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
