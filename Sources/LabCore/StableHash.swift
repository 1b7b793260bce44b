/// FNV-1a of a text's UTF-8 bytes: the same on every run and platform (unlike `hashValue`), for ids, seeds and cache
/// keys derived from text.
public enum StableHash {
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
