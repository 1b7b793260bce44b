import LabCore
import LabYAML

/// Chooses every goal variable's value for each conversation of a profile, from one seed.
///
/// Conversation k (from 1) gets the k-th step of every variable's generator: `random` draws from the variable's own
/// seeded stream; `another` deals from a seeded shuffled deck; a standalone `forward()` cycles in order;
/// `forward(x)` chains are walked like an odometer whose last (innermost) variable changes fastest and which wraps
/// around; `pairwise()` variables take row k of their all-pairs array, wrapping around after the last row. The same
/// seed always gives the same assignments.
public struct AssignmentPlanner: Sendable {
    public let variables: [GoalVariable]
    public let seed: UInt64

    public init(variables: [GoalVariable], seed: UInt64) {
        self.variables = variables
        self.seed = seed
    }

    /// The assignments of conversations 1...count.
    public func assignments(count: Int) -> [Assignment] {
        let chains = Self.chains(variables)
        let chained = Set(chains.flatMap { $0 })
        let pairwise = variables.filter { $0.function == .pairwise }
            .sorted { $0.values.count > $1.values.count }
        let cover = PairwiseCover(counts: pairwise.map(\.values.count))
        var streams = Dictionary(uniqueKeysWithValues: variables.map {
            ($0.name, SeededRandom(seed: SeededRandom.derive(seed, Self.label($0.name))))
        })
        var decks: [String: [VariableValue]] = [:]
        var result: [Assignment] = []
        for k in 0..<count {
            var assignment = Assignment()
            for variable in variables {
                let values = variable.values
                var random = streams[variable.name]!
                let chosen: ChosenValue
                switch variable.function {
                case .all:
                    chosen = ChosenValue(values, scalar: false)
                case .random:
                    chosen = ChosenValue([values[Int(random.next() % UInt64(values.count))]], scalar: false)
                case .randomCount(let n):
                    chosen = ChosenValue(Self.sample(values, min(n, values.count), &random), scalar: false)
                case .randomSome:
                    let n = 1 + Int(random.next() % UInt64(values.count))
                    chosen = ChosenValue(Self.sample(values, n, &random), scalar: false)
                case .another(let n):
                    var deck = decks[variable.name] ?? []
                    if deck.isEmpty { deck = Self.sample(values, values.count, &random) }
                    let hand = Array(deck.prefix(n))
                    deck.removeFirst(hand.count)
                    decks[variable.name] = deck
                    chosen = ChosenValue(hand, scalar: false)
                case .forward where !chained.contains(variable.name):
                    chosen = ChosenValue([values[k % values.count]], scalar: false)
                case .forward, .forwardOver:
                    let chain = chains.first { $0.contains(variable.name) }!
                    let position = chain.firstIndex(of: variable.name)!
                    var period = 1
                    for inner in chain[(position + 1)...] { period *= variables.first { $0.name == inner }!.values.count }
                    chosen = ChosenValue([values[(k / period) % values.count]], scalar: true)
                case .pairwise:
                    let column = pairwise.firstIndex { $0.name == variable.name }!
                    let row = cover.rows[k % cover.rows.count]
                    chosen = ChosenValue([values[row[column]]], scalar: true)
                }
                streams[variable.name] = random
                assignment.set(variable.name, chosen)
            }
            result.append(assignment)
        }
        return result
    }

    /// How many combinations the `forward(x)` chains make (the largest chain's product; 0 without chains) and how
    /// many rows the `pairwise()` array has (0 without pairwise variables).
    public static func combinationCounts(_ variables: [GoalVariable]) -> (forward: Int, pairwise: Int) {
        let forward = chains(variables).map { chain in
            chain.reduce(1) { product, name in
                let (next, overflow) = product.multipliedReportingOverflow(by: variables.first { $0.name == name }?.values.count ?? 1)
                return overflow ? Int.max : next
            }
        }.max() ?? 0
        let pairwise = variables.filter { $0.function == .pairwise }.sorted { $0.values.count > $1.values.count }
        guard !pairwise.isEmpty, pairCount(variables) <= maxPairs else { return (forward, pairwise.isEmpty ? 0 : Int.max) }
        return (forward, PairwiseCover(counts: pairwise.map(\.values.count)).rows.count)
    }

    /// The most conversations a profile may ask for (a count or its combinations).
    public static let maxConversations = 100_000
    /// The most value pairs `pairwise()` variables may make (the covering array is built greedily over them).
    public static let maxPairs = 200_000

    /// The value pairs the `pairwise()` variables make.
    static func pairCount(_ variables: [GoalVariable]) -> Int {
        let counts = variables.filter { $0.function == .pairwise }.map(\.values.count)
        var total = 0
        for i in counts.indices { for j in counts.indices where j > i { total += counts[i] * counts[j] } }
        return total
    }

    /// The number of conversations a profile asks for.
    public static func conversationCount(_ profile: Profile) -> Int {
        let counts = combinationCounts(profile.user.variables)
        switch profile.conversation.number {
        case .count(let n): return n
        case .allCombinations: return max(counts.forward, counts.pairwise)
        case .share(let p, let source):
            let total: Int
            switch source {
            case .forward?: total = counts.forward
            case .pairwise?: total = counts.pairwise
            case nil: total = max(counts.forward, counts.pairwise)
            }
            return max(1, Int(min(Double(total) * p, 1e15).rounded(.toNearestOrEven)))
        }
    }

    /// The `forward(x)` chains, outermost first: `a: forward(b)`, `b: forward(c)`, `c: forward()` → `[a, b, c]`.
    public static func forwardChains(_ variables: [GoalVariable]) -> [[String]] { chains(variables) }

    static func chains(_ variables: [GoalVariable]) -> [[String]] {
        var next: [String: String] = [:]
        for variable in variables { if case .forwardOver(let inner) = variable.function { next[variable.name] = inner } }
        let inner = Set(next.values)
        return variables.filter { next[$0.name] != nil && !inner.contains($0.name) }.map { head in
            var chain = [head.name]
            while let following = next[chain.last!], !chain.contains(following) { chain.append(following) }
            return chain
        }
    }

    /// Checks `forward(x)` references: x exists, is itself a forward variable, is nested by one variable only, and
    /// no chain loops.
    static func checkDependencies(_ variables: [GoalVariable]) throws {
        var nestedBy: [String: String] = [:]
        for variable in variables {
            guard case .forwardOver(let inner) = variable.function else { continue }
            let location = variable.location
            guard let target = variables.first(where: { $0.name == inner }) else {
                throw PlanError.dependence(location, "'\(variable.name): forward(\(inner))' names no variable '\(inner)'",
                    fix: "Define '\(inner)' with function forward() or forward(...).")
            }
            switch target.function {
            case .forward, .forwardOver: break
            default:
                throw PlanError.dependence(location, "'\(variable.name): forward(\(inner))' nests '\(inner)', whose function is \(target.function)",
                    fix: "Give '\(inner)' the function forward() (or forward(...) to nest further).")
            }
            if let other = nestedBy[inner] {
                throw PlanError.dependence(location, "'\(inner)' is already the inner loop of '\(other)'",
                    fix: "Nest each variable in one chain only.")
            }
            nestedBy[inner] = variable.name
        }
        var next: [String: String] = [:]
        for variable in variables { if case .forwardOver(let inner) = variable.function { next[variable.name] = inner } }
        for start in next.keys.sorted() {
            var seen: [String] = [start]
            var current = start
            while let following = next[current] {
                if seen.contains(following) {
                    let location = variables.first { $0.name == start }!.location
                    throw PlanError.dependence(location, "forward() chain loops: \((seen + [following]).joined(separator: " → "))",
                        fix: "End every chain in a variable with function forward().")
                }
                seen.append(following)
                current = following
            }
        }
    }

    /// `n` different values in draw order (a partial Fisher-Yates shuffle).
    static func sample(_ values: [VariableValue], _ n: Int, _ random: inout SeededRandom) -> [VariableValue] {
        var pool = values
        for i in 0..<n {
            let j = i + Int(random.next() % UInt64(pool.count - i))
            pool.swapAt(i, j)
        }
        return Array(pool.prefix(n))
    }

    /// A stable 64-bit label for a name (FNV-1a), to derive per-variable seeds.
    static func label(_ name: String) -> UInt64 { StableHash.fnv1a(name) }
}

/// A profile whose variables cannot be planned.
public enum PlanError: Error, Sendable, CustomStringConvertible {
    case dependence(String, String, fix: String)

    public var description: String {
        switch self {
        case .dependence(let location, let problem, let fix): return "\(location): error: \(problem). \(fix)"
        }
    }
}
