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

    public init(users: Int, arrival: Arrival = .closed(think: 0), stop: Stop, connections: Connections = .perPrompt,
                seed: UInt64 = 1) {
        self.users = users
        self.arrival = arrival
        self.stop = stop
        self.connections = connections
        self.seed = seed
    }
}
