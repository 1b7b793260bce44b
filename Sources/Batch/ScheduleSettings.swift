/// When a matrix's batches run: a slot every ``every`` seconds, ``count`` slots from the schedule's start.
public struct ScheduleSettings: Sendable, Hashable {
    /// Seconds between slot starts.
    public var every: Double
    /// How many slots the schedule has.
    public var count: Int
    /// What a scheduler that was not running does with slots whose time has passed.
    public var missed: MissedSlots

    public init(every: Double, count: Int, missed: MissedSlots = .catchUp) {
        self.every = every
        self.count = count
        self.missed = missed
    }

    /// `every` for `duration`: the slots that start within it, ⌊duration / every⌋ (the first at the start).
    public init(every: Double, for duration: Double, missed: MissedSlots = .catchUp) {
        self.init(every: every, count: max(1, Int((duration / every).rounded(.down))), missed: missed)
    }

    /// `times` batches `per` period for `duration` (14 per 12 h for 4 days: 112 slots, one every 12 h / 14).
    public init(times: Int, per period: Double, for duration: Double, missed: MissedSlots = .catchUp) {
        let count = Int((Double(times) * duration / period).rounded(.down))
        self.init(every: period / Double(times), count: max(1, count), missed: missed)
    }

    /// The seconds from the first slot's start to the last's end.
    public var span: Double { every * Double(count) }

    /// Missed slots: run them at once, one after another, or skip all but the latest.
    public enum MissedSlots: String, Sendable, Hashable, CaseIterable {
        case catchUp = "catch-up"
        case skip
    }
}
