import Foundation
import LabCore

/// The built-in task bot to simulate against offline: a pizza shop that takes orders (sizes, toppings, drinks),
/// answers about prices, the menu and delivery time, confirms orders with an id, a total price and a delivery time,
/// and answers with its fallback message when it understands nothing. Deterministic: order ids come from the run
/// and the experiment's seed. When it speaks first it greets.
///
/// Switchable ``ShopDefect``s make it wrong in known ways, for showing that correctness rules catch them.
public actor ShopBot: Chatter {
    public nonisolated let menu: ShopMenu
    public nonisolated let defects: Set<ShopDefect>
    public nonisolated let fallback: String
    private var orders: [String: ShopOrder] = [:]

    public static let defaultFallback = "Sorry, I did not understand. Could you rephrase?"
    public static let greeting = "Welcome to Pizza Lab! What would you like to order?"

    public init(menu: ShopMenu = ShopMenu(), defects: Set<ShopDefect> = [], fallback: String = ShopBot.defaultFallback) {
        self.menu = menu
        self.defects = defects
        self.fallback = fallback
    }

    public func reply(to request: ChatRequest) async throws -> ChatReply {
        guard let message = request.lastFromOther?.text else { return ChatReply(Self.greeting) }
        var order = orders[request.conversation] ?? ShopOrder()
        let understood = ShopRequest(message, menu: menu)
        var parts: [String] = []
        var added = false
        if understood.size != nil || !understood.toppings.isEmpty || understood.mentionsPizza && !understood.asksMenu {
            if understood.size != nil || !understood.toppings.isEmpty {
                let pizza = ShopOrder.Pizza(size: understood.size ?? "medium", toppings: understood.toppings)
                if understood.replaces, !order.pizzas.isEmpty {
                    order.pizzas[order.pizzas.count - 1] = pizza
                    parts.append("Changed: your pizza is now \(describe(pizza)).")
                } else {
                    order.pizzas.append(pizza)
                    parts.append("Added \(describe(pizza)).")
                }
                added = true
            }
        }
        for drink in understood.drinks {
            let cans = "\(drink.count) \(drink.count == 1 ? "can" : "cans") of \(drink.name)"
            if understood.replaces {
                order.set(drink: drink.name, count: drink.count)
                parts.append("Changed: you now have \(cans).")
            } else {
                order.add(drink: drink.name, count: drink.count)
                parts.append("Added \(cans).")
            }
            added = true
        }
        if understood.asksMenu {
            parts.append("We have \(menu.sizes.map { "\($0.name) (\(money($0.price)))" }.joined(separator: ", ")) pizzas; "
                + "toppings \(menu.toppings.joined(separator: ", ")) at \(money(menu.toppingPrice)) each; drinks "
                + "\(menu.drinks.map(\.name).joined(separator: ", ")).")
        }
        if understood.confirms {
            if order.isEmpty {
                parts.append("Your order is empty. What would you like?")
            } else {
                let id = order.id ?? orderID(run: request.run, seed: request.experimentSeed)
                order.id = id
                parts.append("Order confirmed: \(summary(order)). Your order id is \(id). Total price: \(money(total(order))). "
                    + "Delivery in about \(deliveryMinutes(order)) minutes.")
            }
        } else {
            if understood.asksPrice {
                parts.append(order.isEmpty
                    ? "Pizzas cost \(menu.sizes.map { "\(money($0.price)) (\($0.name))" }.joined(separator: ", ")), plus \(money(menu.toppingPrice)) per topping."
                    : "Your order comes to \(money(total(order))) so far.")
            }
            if understood.asksDelivery {
                parts.append("Delivery takes about \(deliveryMinutes(order)) minutes.")
            }
        }
        if parts.isEmpty, understood.greets {
            parts.append("Hello! What would you like to order?")
        }
        if parts.isEmpty, understood.thanks {
            parts.append("You are welcome! Anything else?")
        }
        if parts.isEmpty {
            if defects.contains(.neverFallsBack) {
                let pizza = ShopOrder.Pizza(size: "medium", toppings: [])
                order.pizzas.append(pizza)
                parts.append("Great choice! Added \(describe(pizza)).")
            } else {
                parts.append(fallback)
            }
        } else if added, !understood.confirms {
            parts.append("Anything else?")
        }
        orders[request.conversation] = order
        return ChatReply(parts.joined(separator: " "))
    }

    public func endConversation(_ conversation: String) async {
        orders[conversation] = nil
    }

    func describe(_ pizza: ShopOrder.Pizza) -> String {
        let article = pizza.size.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        guard !pizza.toppings.isEmpty else { return "\(article) \(pizza.size) pizza" }
        return "\(article) \(pizza.size) pizza with \(EnglishList.joined(pizza.toppings))"
    }

    func summary(_ order: ShopOrder) -> String {
        var items = order.pizzas.map(describe)
        if !defects.contains(.forgetsDrinks) {
            items += order.drinks.map { "\($0.count) \($0.count == 1 ? "can" : "cans") of \($0.name)" }
        }
        return EnglishList.joined(items)
    }

    func total(_ order: ShopOrder) -> Double {
        var sum = 0.0
        for pizza in order.pizzas {
            sum += defects.contains(.ignoresSize) ? menu.sizePrice("medium") : menu.sizePrice(pizza.size)
            if !defects.contains(.priceIgnoresToppings) { sum += Double(pizza.toppings.count) * menu.toppingPrice }
        }
        if !defects.contains(.forgetsDrinks) {
            for drink in order.drinks { sum += Double(drink.count) * menu.drinkPrice(drink.name) }
        }
        return sum
    }

    func deliveryMinutes(_ order: ShopOrder) -> Int { menu.deliveryBase + menu.deliveryPerPizza * max(1, order.pizzas.count) }

    func money(_ amount: Double) -> String {
        String(format: "%.2f %@", amount, defects.contains(.wrongCurrency) ? "EUR" : "USD")
    }

    /// `PZ-` and four hex digits from the run number and the experiment's seed (the same seed gives the same ids);
    /// always `PZ-1000` with `repeats_order_ids`.
    func orderID(run: Int, seed: UInt64) -> String {
        if defects.contains(.repeatsOrderIds) { return "PZ-1000" }
        let hash = SeededRandom.derive(seed, UInt64(run), 0x5A5A)
        return String(format: "PZ-%04X", Int(hash % 0xFFFF))
    }
}
