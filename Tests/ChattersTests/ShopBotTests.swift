import Testing
import LabCore
@testable import Chatters

/// Talks to a shop bot in one conversation and returns its replies.
private func talk(_ bot: ShopBot, _ messages: [String], run: Int = 1) async throws -> [String] {
    var history: [Utterance] = []
    var replies: [String] = []
    for (round, message) in messages.enumerated() {
        history.append(Utterance(seat: .chatter1, text: message))
        let request = ChatRequest(conversation: "c-\(run)", run: run, round: round + 1, seat: .chatter2, history: history,
            spokenBefore: round, seed: 1, experimentSeed: 7)
        let reply = try await bot.reply(to: request).text
        history.append(Utterance(seat: .chatter2, text: reply))
        replies.append(reply)
    }
    return replies
}

private let order = ["I'd like a large pizza with ham and olives", "and 2 cans of coke", "please confirm the order"]

@Test func theShopTakesCorrectsAndConfirmsAnOrder() async throws {
    let replies = try await talk(ShopBot(), order + ["how long is the delivery?"])
    #expect(replies[0] == "Added a large pizza with ham and olives. Anything else?")
    #expect(replies[1] == "Added 2 cans of coke. Anything else?")
    // 12 (large) + 2 × 1.50 (toppings) + 2 × 2 (coke) = 19.
    #expect(replies[2].contains("Total price: 19.00 USD") && replies[2].contains("Your order id is PZ-"))
    #expect(replies[3] == "Delivery takes about 30 minutes.")
    let fixed = try await talk(ShopBot(), ["a small pizza with ham", "Actually, I changed my mind: a lrge pizza with ham", "confirm"])
    #expect(fixed[1].hasPrefix("Changed: your pizza is now a large pizza with ham"))
    #expect(fixed[2].contains("Total price: 13.50 USD"))
    let lost = try await talk(ShopBot(), ["do you also sell sushi?"])
    #expect(lost == [ShopBot.defaultFallback])
}

@Test func eachDefectChangesWhatTheShopSays() async throws {
    func confirmation(_ defects: Set<ShopDefect>, run: Int = 1) async throws -> String {
        try await talk(ShopBot(defects: defects), order, run: run)[2]
    }
    #expect(try await confirmation([.priceIgnoresToppings]).contains("Total price: 16.00 USD"))
    #expect(try await confirmation([.ignoresSize]).contains("Total price: 17.00 USD"))
    let forgetful = try await confirmation([.forgetsDrinks])
    #expect(forgetful.contains("Total price: 15.00 USD") && !forgetful.contains("coke"))
    #expect(try await confirmation([.wrongCurrency]).contains("Total price: 19.00 EUR"))
    #expect(try await confirmation([.repeatsOrderIds], run: 1).contains("PZ-1000"))
    #expect(try await confirmation([.repeatsOrderIds], run: 2).contains("PZ-1000"))
    #expect(try await confirmation([], run: 1) != (try await confirmation([], run: 2)))
    let pretender = try await talk(ShopBot(defects: [.neverFallsBack]), ["do you also sell sushi?"])
    #expect(pretender[0].hasPrefix("Great choice!"))
}
