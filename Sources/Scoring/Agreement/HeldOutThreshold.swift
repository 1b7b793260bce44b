/// A score threshold fitted on one half of a labeled set and measured on the other, so the accuracy it reports is not
/// the accuracy of a threshold chosen on the very items it is measured on.
///
/// The halves are stratified and fixed: within each label (positive, negative) in file order, the 1st, 3rd, 5th…
/// items form the fitting half and the 2nd, 4th, 6th… items the measuring half. Both halves so hold about the same
/// share of each label, and the same file always splits the same way.
public struct HeldOutThreshold: Codable, Sendable, Hashable {
    /// Which half fitted the threshold, for people.
    public var fittedOn: String
    /// Which half measured it, for people.
    public var measuredOn: String
    public var fitItems: Int
    public var measuredItems: Int
    /// The threshold that maximises accuracy on the fitting half.
    public var threshold: Double
    /// Its accuracy on the fitting half.
    public var fitAccuracy: Double
    /// Its accuracy on the measuring half: the number to trust.
    public var measuredAccuracy: Double?
    /// The scorer's own threshold (the one in force) measured on the same half, when it has one.
    public var inForceAccuracy: Double?

    public static let fittedOnText = "1st, 3rd, 5th… item of each label in file order"
    public static let measuredOnText = "2nd, 4th, 6th… item of each label in file order"

    /// Splits `items` into the fitting and measuring halves (their indices).
    public static func halves(_ positive: [Bool]) -> (fit: [Int], measure: [Int]) {
        var seen: [Bool: Int] = [:]
        var fit: [Int] = []
        var measure: [Int] = []
        for (index, label) in positive.enumerated() {
            let rank = seen[label, default: 0]
            seen[label] = rank + 1
            if rank % 2 == 0 { fit.append(index) } else { measure.append(index) }
        }
        return (fit, measure)
    }

    /// Fits with `fit` (scores and labels of the fitting half → best threshold) and measures with `accepts`
    /// (score, threshold → predicted positive). Nil when either half is empty.
    /// `predicted`: the scorer's own verdicts (positive or not), when they are not its score against `inForce`;
    /// their accuracy on the measuring half is reported as the one in force.
    public static func measure(
        scores: [Double], positive: [Bool], inForce: Double?, predicted: [Bool]? = nil,
        fit: ([Double], [Bool]) -> ThresholdSweep.Choice?, accepts: (Double, Double) -> Bool
    ) -> HeldOutThreshold? {
        let (fitting, measuring) = halves(positive)
        guard !fitting.isEmpty, !measuring.isEmpty,
            let choice = fit(fitting.map { scores[$0] }, fitting.map { positive[$0] })
        else { return nil }
        func accuracy(_ threshold: Double) -> Double {
            let right = measuring.filter { accepts(scores[$0], threshold) == positive[$0] }.count
            return Double(right) / Double(measuring.count)
        }
        return HeldOutThreshold(
            fittedOn: fittedOnText, measuredOn: measuredOnText, fitItems: fitting.count, measuredItems: measuring.count,
            threshold: choice.threshold, fitAccuracy: choice.accuracy, measuredAccuracy: accuracy(choice.threshold),
            inForceAccuracy: predicted.map { verdicts in
                Double(measuring.filter { verdicts[$0] == positive[$0] }.count) / Double(measuring.count)
            } ?? inForce.map(accuracy))
    }
}
