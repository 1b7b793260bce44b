import Foundation
import LabCore
import Testing

/// The hand-written JSON reader against Foundation's `JSONDecoder` (the reader it replaced): the same value for
/// every text both accept, the same refusals, on generated values and on random mutations of them.
@Suite struct JSONParserTests {
    /// Foundation's reading of the same text, or `nil` when it refuses it.
    static func reference(_ text: [UInt8]) -> JSON? { try? JSONDecoder().decode(JSON.self, from: Data(text)) }

    static func randomValue(_ random: inout SeededRandom, depth: Int = 0) -> JSON {
        let pick = depth > 3 ? random.next() % 4 : random.next() % 6
        switch pick {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2:
            let choices: [Double] = [0, -0.5, 1, 42, 1e-7, 123456.789, -3e21, 0.1, 2.5e300]
            return .number(choices[Int(random.next() % UInt64(choices.count))])
        case 3:
            let pieces = ["a", "é", "\"", "\\", "/", "\n", "\u{1F600}", "\u{7}", "中", " ", "\t", "\u{2028}"]
            return .string((0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        case 4: return .array((0..<Int(random.next() % 4)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var members: [String: JSON] = [:]
            for index in 0..<Int(random.next() % 4) { members["k\(index)\(random.next() % 3)"] = randomValue(&random, depth: depth + 1) }
            return .object(members)
        }
    }

    @Test func readsWhatItIsGivenLikeFoundation() throws {
        var random = SeededRandom(seed: 7)
        for _ in 0..<400 {
            let value = Self.randomValue(&random)
            let text = Array(value.text.utf8)
            #expect(try JSONParser.parse(text) == value)
            #expect(Self.reference(text) == value)
        }
        for text in [#"{"a": 1, "a": 2}"#, "  [1 , 2 ]\n", #""\ud83d\ude00""#, "-0", "1E+2", "0.5e-3", "[[[[]]]]", "null"] {
            #expect(try JSONParser.parse(Array(text.utf8)) == Self.reference(Array(text.utf8)), "\(text)")
        }
    }

    @Test func refusesWhatFoundationRefusesOnMutatedText() {
        var random = SeededRandom(seed: 11)
        // No NUL bytes: Foundation guesses UTF-16 or UTF-32 from them, and this reader takes UTF-8 only.
        let alphabet = Array(#"{}[],:"\\/ u0123456789abcdefE+-.tnrlsx "#.utf8) + [0x1F, 0xC3, 0xFF, 0x80]
        var disagreements: [String] = []
        for _ in 0..<20000 {
            var text = Array(Self.randomValue(&random).text.utf8)
            for _ in 0...(random.next() % 3) {
                let at = Int(random.next() % UInt64(text.count + 1))
                switch random.next() % 3 {
                case 0 where !text.isEmpty && at < text.count: text.remove(at: at)
                case 1: text.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                default: if at < text.count { text[at] = alphabet[Int(random.next() % UInt64(alphabet.count))] }
                }
            }
            let ours = try? JSONParser.parse(text)
            if ours != Self.reference(text) { disagreements.append(String(decoding: text, as: UTF8.self)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test func writesTextByteForByteLikeJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var random = SeededRandom(seed: 5)
        for _ in 0..<1000 {
            let value = Self.randomValue(&random)
            #expect(value.text == String(decoding: try encoder.encode(value), as: UTF8.self))
        }
        let odd: JSON = .object([
            "B": .number(1e15), "_": .number(-0.0), "a": .number(1e-7), "aa": .number(1.0 / 3), "é": .number(5e-324),
            "z": .string("\u{7F}\u{2028}\u{1}\u{1F}\u{8}\u{C}/"), "Z": .number(9.007199254740993e15),
        ])
        #expect(odd.text == String(decoding: try encoder.encode(odd), as: UTF8.self))
    }

    @Test func boundsNestingAndNumbers() {
        let deep = Array(String(repeating: "[", count: 600).utf8) + Array(String(repeating: "]", count: 600).utf8)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array("1e400".utf8)) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array("[1,,]".utf8)) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array("1e-3076".utf8)) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array("01".utf8)) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(#""\ud800""#.utf8)) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xC3, 0x22]) }
    }
}
