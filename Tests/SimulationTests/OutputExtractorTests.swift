import Testing
import LabCore
@testable import Simulation

private func extract(_ name: String, _ type: OutputType, _ description: String, _ messages: [String]) -> JSON? {
    OutputExtractor().extract(OutputSpec(name: name, type: type, description: description), from: messages)
}

@Test func typedOutputsAreFoundByCueAndType() {
    let bot = ["Added a medium pizza. Anything else?",
               "Order confirmed. Your order id is PZ-0A1B. Total price: 14.50 USD. Delivery in about 35 minutes."]
    #expect(extract("order_id", .string, "the order identifier", bot) == .string("PZ-0A1B"))
    #expect(extract("price", .money, "total price of the order", bot) == .string("14.50 USD"))
    #expect(extract("delivery_minutes", .int, "minutes until delivery", bot) == .number(35))
    #expect(extract("price", .money, "price", ["That is 12,50 € in total."]) == .string("12.50 EUR"))
    #expect(extract("price", .money, "price", ["The price is $1,234.50."]) == .string("1234.50 USD"))
    #expect(extract("time", .time, "pickup time", ["You can pick it up at 7:30 pm."]) == .string("19:30:00"))
    #expect(extract("date", .date, "booking date", ["Your booking date is 6 November 2024."]) == .string("2024-11-06"))
    #expect(extract("date", .date, "booking date", ["Booked for 06/11/2024."]) == .string("2024-11-06"))
    #expect(extract("open", .bool, "whether the shop is open on sunday", ["Sorry, the shop is not open on Sunday."]) == .bool(false))
    #expect(extract("toppings", .list(.string), "the toppings", ["The toppings are ham, olives and cheese."])
        == .array([.string("ham"), .string("olives"), .string("cheese")]))
}

@Test func aMissingValueIsNotGuessed() {
    // "comes" follows the cue word "order" but is an ordinary word, not an id.
    #expect(extract("order_id", .string, "the order identifier", ["Your order comes to 12.00 USD so far."]) == nil)
    #expect(extract("price", .money, "total price", ["We have small and large pizzas."]) == nil)
    #expect(extract("count", .int, "number of guests", []) == nil)
}

@Test func numbersAreReadWithDecimalCommasAndThousandsSeparators() {
    #expect(TypedPatterns.parseNumber("12,50") == 12.5)
    #expect(TypedPatterns.parseNumber("1,234.5") == 1234.5)
    #expect(TypedPatterns.parseNumber("1.234,5") == 1234.5)
    #expect(TypedPatterns.parseNumber("-7") == -7)
    #expect(TypedPatterns.parseNumber("1,234") == 1234)
}

@Test func fallbacksAreFoundByWordsAndByMeaning() throws {
    let detector = FallbackDetector(fallback: "Sorry, I did not understand. Could you rephrase?")
    #expect(detector.isFallback("Sorry, I did not understand. Could you rephrase?"))
    #expect(detector.isFallback("sorry i did not understand could you please rephrase"))
    #expect(!detector.isFallback("Added a medium pizza. Anything else?"))
    #expect(!detector.isFallback("I'm not sure what you mean."))
    var semantic = detector
    semantic.encoder = MeaningStub()
    #expect(semantic.isFallback("I'm not sure what you mean."))
    #expect(!semantic.isFallback("Added a medium pizza. Anything else?"))
}

/// A sentence encoder stand-in: texts about not understanding point one way, everything else another.
private struct MeaningStub: TextEncoder {
    var name: String { "stub" }
    var dimension: Int { 2 }
    func encode(_ texts: [String]) throws -> [[Float]] {
        texts.map { text in
            let lower = text.lowercased()
            return lower.contains("not sure") || lower.contains("understand") ? [1, 0] : [0, 1]
        }
    }
}
