import Foundation

/// One slice of a job split over machines: shard `index` of `count` (1-based, `1...count`).
///
/// Items 1...n are dealt round-robin: item `i` belongs to shard `(i - 1) % count + 1`, so each shard gets items
/// spread over the whole job, and the union of all shards is every item exactly once. Parsed from `K/N` or, with
/// `auto`, from the index a cluster scheduler gives each task (``init(parsing:environment:)``). Used by
/// `chatlab run --shard` (runs) and meant for any command that splits numbered work the same way.
public struct ShardSpec: Sendable, Hashable, Codable, CustomStringConvertible {
    /// This shard's number, `1...count`.
    public let index: Int
    /// How many shards the job is split into.
    public let count: Int

    /// The largest shard count accepted: far more than any array job needs, small enough to list in a message.
    public static let maximumCount = 100_000

    public init(index: Int, count: Int) throws {
        guard (1...Self.maximumCount).contains(count) else {
            throw ShardSpecError.badCount(count)
        }
        guard (1...count).contains(index) else { throw ShardSpecError.indexOutOfRange(index: index, count: count) }
        self.index = index
        self.count = count
    }

    /// `K/N` (e.g. `2/4`), or `auto`: the index from the scheduler's environment.
    ///
    /// With `auto`, Slurm's `SLURM_ARRAY_TASK_ID` (with `SLURM_ARRAY_TASK_MIN`, `SLURM_ARRAY_TASK_STEP` and
    /// `SLURM_ARRAY_TASK_COUNT`, so `--array=0-3` and `--array=1-4` both give shards 1...4) is used when set; else
    /// Kubernetes' `JOB_COMPLETION_INDEX` (0-based) of an Indexed Job, whose shard count comes from
    /// `CHATLAB_SHARD_COUNT` (set it to the Job's `completions`). `CHATLAB_SHARD_COUNT` also overrides Slurm's count.
    public init(parsing text: String, environment: [String: String]) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "auto" {
            self = try Self.fromScheduler(environment)
            return
        }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardSpecError.badText(String(text.prefix(40)))
        }
        try self.init(index: index, count: count)
    }

    private static func fromScheduler(_ environment: [String: String]) throws -> ShardSpec {
        func number(_ name: String) throws -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw ShardSpecError.badVariable(name: name, value: String(text.prefix(40))) }
            return value
        }
        let override = try number("CHATLAB_SHARD_COUNT")
        if let task = try number("SLURM_ARRAY_TASK_ID") {
            let minimum = try number("SLURM_ARRAY_TASK_MIN") ?? 1
            let step = max(try number("SLURM_ARRAY_TASK_STEP") ?? 1, 1)
            guard let count = try override ?? number("SLURM_ARRAY_TASK_COUNT") else {
                throw ShardSpecError.noCount(scheduler: "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not")
            }
            guard (task - minimum) % step == 0 else {
                throw ShardSpecError.badVariable(name: "SLURM_ARRAY_TASK_ID", value: String(task))
            }
            return try ShardSpec(index: (task - minimum) / step + 1, count: count)
        }
        if let completion = try number("JOB_COMPLETION_INDEX") {
            guard let count = override else {
                throw ShardSpecError.noCount(scheduler: "JOB_COMPLETION_INDEX is set but CHATLAB_SHARD_COUNT is not")
            }
            return try ShardSpec(index: completion + 1, count: count)
        }
        throw ShardSpecError.noScheduler
    }

    /// The shard numbers of `1...count` that are not among `present`, ascending: what a merge still lacks.
    public static func missing(among present: some Sequence<Int>, count: Int) -> [Int] {
        let given = Set(present)
        return (1...max(count, 1)).filter { !given.contains($0) }
    }

    /// Whether item `item` (1-based) belongs to this shard.
    public func contains(_ item: Int) -> Bool { item >= 1 && (item - 1) % count + 1 == index }

    /// This shard's items of `1...total`, ascending.
    public func items(of total: Int) -> [Int] {
        guard total >= index else { return [] }
        return Array(stride(from: index, through: total, by: count))
    }

    /// `K/N`, as parsed.
    public var description: String { "\(index)/\(count)" }
}

/// Why a shard specification cannot be used; each message says what to write instead.
public enum ShardSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    case badText(String)
    case badCount(Int)
    case indexOutOfRange(index: Int, count: Int)
    case badVariable(name: String, value: String)
    case noCount(scheduler: String)
    case noScheduler

    public var description: String {
        switch self {
        case .badText(let text):
            return "error: --shard '\(text)' is not K/N or auto. Write e.g. --shard 2/4 (shard 2 of 4), or "
                + "--shard auto inside a Slurm array job or a Kubernetes Indexed Job."
        case .badCount(let count):
            return "error: --shard splits into \(count) shards; N must be 1 to \(ShardSpec.maximumCount)."
        case .indexOutOfRange(let index, let count):
            return "error: --shard \(index)/\(count): K must be 1 to \(count) (shards are numbered from 1)."
        case .badVariable(let name, let value):
            return "error: \(name)='\(value)' is not a task index this array can have; --shard auto needs whole "
                + "numbers from the scheduler, or give --shard K/N."
        case .noCount(let scheduler):
            return "error: --shard auto: \(scheduler). Set CHATLAB_SHARD_COUNT to the number of shards (the "
                + "Job's completions), or give --shard K/N."
        case .noScheduler:
            return "error: --shard auto found neither SLURM_ARRAY_TASK_ID (Slurm array job) nor "
                + "JOB_COMPLETION_INDEX (Kubernetes Indexed Job); give --shard K/N outside a scheduler."
        }
    }
}
