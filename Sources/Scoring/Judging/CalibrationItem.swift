import LabCore

/// One labeled reply of a calibration set: a question, its expected answer, a reply and whether a person judged the
/// reply correct.
///
/// On disk (JSON Lines, one object a line): `{"kind": "open"|"closed", "question": str, "expected": str|bool,
/// "aliases"?: [str], "reply": str, "label": "pass"|"fail", "class"?: str}`. The class names the kind of case
/// ("non-answer (no)", "deflection", "partial answer"); `chatlab calibrate` reports accuracy per class.
public struct CalibrationItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case open
        case closed
    }

    public var kind: Kind
    public var question: String
    public var expected: TestSet.Expected
    public var reply: String
    /// The person's verdict: pass or fail.
    public var label: Verdict
    /// Where the item is written, `file:line`, for messages.
    public var source: String
    /// The class of case the item tests, as written in the file; nil when not given.
    public var category: String?

    public init(
        kind: Kind, question: String, expected: TestSet.Expected, reply: String, label: Verdict, source: String = "",
        category: String? = nil
    ) {
        self.kind = kind
        self.question = question
        self.expected = expected
        self.reply = reply
        self.label = label
        self.source = source
        self.category = category
    }

    /// The class accuracy is reported under: the written class, or else the kind (`open`, `closed`).
    public var className: String { category ?? kind.rawValue }

    /// What a judge is asked about this item.
    public var judgeItem: JudgeItem { JudgeItem(question: question, expected: expected, reply: reply) }

    /// The expected answer as people read it.
    public var expectedDescription: String {
        switch expected {
        case .text(let answer, let aliases): return ([answer] + aliases).joined(separator: " | ")
        case .yes: return "yes"
        case .no: return "no"
        case .none: return "-"
        }
    }
}
