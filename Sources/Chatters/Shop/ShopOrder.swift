/// One conversation's order at the shop.
struct ShopOrder: Sendable {
    struct Pizza: Sendable, Hashable {
        var size: String
        var toppings: [String]
    }

    var pizzas: [Pizza] = []
    var drinks: [(name: String, count: Int)] = []
    /// Set when the order is confirmed.
    var id: String?

    var isEmpty: Bool { pizzas.isEmpty && drinks.isEmpty }

    /// Sets a drink's count (a correction), or adds it.
    mutating func set(drink: String, count: Int) {
        if let index = drinks.firstIndex(where: { $0.name == drink }) {
            drinks[index].count = count
        } else {
            drinks.append((drink, count))
        }
    }

    mutating func add(drink: String, count: Int) {
        if let index = drinks.firstIndex(where: { $0.name == drink }) {
            drinks[index].count += count
        } else {
            drinks.append((drink, count))
        }
    }
}
