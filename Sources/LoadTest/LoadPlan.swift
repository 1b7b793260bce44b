import LabCore

/// How a load test sends its messages: how many virtual users, when each message goes, when to stop.
public struct LoadPlan: Sendable, Hashable {
    /// When messages are sent.
    public enum Arrival: Sendable, Hashable {
        /// Each virtual user sends, waits for the reply, waits `think` seconds, and sends the next.
        case closed(think: Double)
        /// Messages are due at a fixed `rate` per second whatever the server does; a message waits for a free
        /// virtual user, and its latency counts from when it was due (no coordinated omission).
        case open(rate: Double)
    }

    /// When the run ends.
    public enum Stop: Sendable, Hashable {
        /// After this many messages.
        case messages(Int)
        /// No message starts (closed loop) or is due (open loop) after this many seconds.
        case duration(Double)
    }

    /// Which conversation a message belongs to, and so whether its connection is new.
    public enum Connections: String, Sendable, Hashable, CaseIterable {
        /// A new conversation (and connection) per message, the seed tool's way.
        case perPrompt = "per-prompt"
        /// One conversation per virtual user, its connection kept between messages.
        case perUser = "per-user"
    }

    /// Concurrent virtual users.
    public var users: Int
    public var arrival: Arrival
    public var stop: Stop
    public var connections: Connections
    /// Seeds each message's request.
    public var seed: UInt64
    /// This machine's part of a test split over several (`chatlab load --shard K/N`): it sends messages K-1, K-1+N,
    /// ... of the whole test (each with the prompt, seed and, in an open loop, the due time it has in the whole
    /// test), from ``users`` users, which are this shard's share; `nil` sends every message.
    public var shard: ShardSpec?
    /// The users of the whole test when this is a shard (for results kept per number of users).
    public var totalUsers: Int?

    public init(users: Int, arrival: Arrival = .closed(think: 0), stop: Stop, connections: Connections = .perPrompt,
                seed: UInt64 = 1, shard: ShardSpec? = nil) {
        self.users = users
        self.arrival = arrival
        self.stop = stop
        self.connections = connections
        self.seed = seed
        self.shard = shard
    }

    /// This shard's share of `total` users (round-robin, so shards differ by at most one); all of them unsharded.
    public static func users(_ total: Int, in shard: ShardSpec?) -> Int {
        guard let shard else { return total }
        return total / shard.count + (shard.index - 1 < total % shard.count ? 1 : 0)
    }
}
