/// How the encoder's threads split work (they run it on a ``WorkerTeam``).
enum Parallel {
    /// `total` split into at most `parts` contiguous ranges of about equal size, each boundary a multiple of
    /// `alignment` (except the end).
    static func chunks(_ total: Int, parts: Int, alignment: Int = 1) -> [Range<Int>] {
        let units = (total + alignment - 1) / alignment
        let parts = max(1, min(parts, units))
        return (0..<parts).map { part in
            min(total, units * part / parts * alignment)..<min(total, units * (part + 1) / parts * alignment)
        }
    }
}
