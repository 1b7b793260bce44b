/// What a shard of a load test (`chatlab load --shard K/N`) writes into its `load.json` so the merge can check that
/// the shards belong together and rebuild the whole test exactly.
public struct LoadShard: Sendable, Codable, Equatable {
    /// This shard's number, `1...count`, and the number of shards.
    public var index: Int
    public var count: Int
    /// A digest of everything the shards must share (settings, prompts, seed, shard count); differing digests mean
    /// the folders come from different tests.
    public var digest: String
    /// This shard's virtual users.
    public var users: Int
    /// Every count and histogram of the shard's messages (see ``LoadTally``).
    public var tally: LoadTally

    public init(index: Int, count: Int, digest: String, users: Int, tally: LoadTally) {
        self.index = index
        self.count = count
        self.digest = digest
        self.users = users
        self.tally = tally
    }
}
