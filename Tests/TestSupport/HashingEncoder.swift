import LabCore
import Foundation

/// A deterministic stand-in for a sentence encoder: bag of lowercased words hashed (FNV-1a) into 64 buckets, then
/// scaled to unit length. Texts that share words are similar; texts without common words have similarity 0.
public struct HashingEncoder: TextEncoder {
    public static let dimensions = 64

    public init() {}

    public func encode(_ texts: [String]) throws -> [[Float]] {
        texts.map { text in
            var vector = [Float](repeating: 0, count: Self.dimensions)
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                vector[Int(hash % UInt64(Self.dimensions))] += 1
            }
            let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return length > 0 ? vector.map { $0 / length } : vector
        }
    }
}
