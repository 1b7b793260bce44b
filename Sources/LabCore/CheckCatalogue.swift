/// Test codes and their ``CheckEntry``, in a fixed order, at most one entry per code.
///
/// The built-in catalogue (module `Lab`, `CheckCatalogue.builtIn`) gathers the entries that scorers, probe codes,
/// perturbations and LLM judge rubrics declare; an ``Analysis`` carries the entries of its scorers with the
/// thresholds that were in force.
public struct CheckCatalogue: Sendable, Hashable {
    /// The entries in the order they were added.
    public private(set) var entries: [CheckEntry] = []

    /// A catalogue of `entries`; a later entry with a code already present replaces the earlier one in its place.
    public init(_ entries: [CheckEntry] = []) {
        for entry in entries { add(entry) }
    }

    /// Adds an entry, or replaces the one with the same code.
    public mutating func add(_ entry: CheckEntry) {
        if let index = entries.firstIndex(where: { $0.code == entry.code }) {
            entries[index] = entry
        } else {
            entries.append(entry)
        }
    }

    /// The entry of a code, if the catalogue has one.
    public subscript(code: String) -> CheckEntry? { entries.first { $0.code == code } }

    public var codes: [String] { entries.map(\.code) }

    public var isEmpty: Bool { entries.isEmpty }

    /// The entries of the codes the `scorers` report under, each with the threshold its scorer has in force.
    /// Codes this catalogue lacks are left out.
    public func inForce(for scorers: [any Scorer]) -> CheckCatalogue {
        CheckCatalogue(scorers.compactMap { scorer in self[scorer.code]?.inForce(scorer.threshold) })
    }
}
