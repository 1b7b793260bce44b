/// The bound on how much of one answer a network chatter reads (option `max_reply_bytes`).
public enum ReplyLimit {
    /// 4 MiB: far above any chat reply, far below what would strain memory.
    public static let defaultBytes = 4 << 20
    /// The values `max_reply_bytes` accepts: 1 KiB to 1 GiB.
    public static let allowed = 1_024...(1 << 30)

    /// `bytes` in words (`4 MiB`, `1500 bytes`), for messages.
    public static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// The failure for an answer from `address` that passed `limit`.
    static func failure(_ address: String, limit: Int) -> NetworkFailure {
        .tooLarge("the answer from \(address) is larger than max_reply_bytes (\(describe(limit))); reading stopped there")
    }
}
