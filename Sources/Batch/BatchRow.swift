import GRDB

/// One batch as the history keeps it.
public struct BatchRow: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "batches"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: String
    public var matrix: String
    public var slot: Int?
    /// Answers the batch plans (questions × models).
    public var planned: Int
    public var startedAt: Double
    public var finishedAt: Double?
    public var status: Status
    /// `K/N` when this row is one machine's part of a batch split with `chatlab batch --shard K/N`; `nil` for a
    /// whole batch (and after `chatlab merge`).
    public var shard: String?

    /// Where a batch stands.
    public enum Status: String, Sendable, Hashable, Codable, DatabaseValueConvertible {
        case running, complete, budget, skipped
    }

    public init(id: String, matrix: String, slot: Int?, planned: Int, startedAt: Double, status: Status = .running,
                shard: String? = nil) {
        self.shard = shard
        self.id = id
        self.matrix = matrix
        self.slot = slot
        self.planned = planned
        self.startedAt = startedAt
        self.status = status
    }
}

extension AnswerRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "answers"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

/// A matrix's schedule as the scheduler started it; a restarted scheduler goes on with it.
struct ScheduleRow: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "schedules"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var matrix: String
    var startedAt: Double
    var every: Double
    var count: Int
    var missed: String
}
