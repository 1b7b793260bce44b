/// What the built-in pizza shop sells, at what price (US dollars).
public struct ShopMenu: Sendable, Hashable {
    public var sizes: [(name: String, price: Double)] = [("small", 8), ("medium", 10), ("large", 12)]
    /// Each topping's price, added per pizza.
    public var toppingPrice = 1.5
    public var toppings = ["cheese", "ham", "mushrooms", "olives", "onions", "peppers", "pineapple", "pepperoni",
        "bacon", "tomatoes", "spinach", "tuna", "chicken", "corn"]
    public var drinks: [(name: String, price: Double)] = [("coke", 2), ("sprite", 2), ("fanta", 2), ("water", 1.5), ("beer", 3)]
    /// Minutes until delivery: a base plus some per pizza.
    public var deliveryBase = 25
    public var deliveryPerPizza = 5

    public init() {}

    /// Other words people use for the menu's names.
    static let synonyms: [String: String] = [
        "big": "large", "regular": "medium", "mushroom": "mushrooms", "olive": "olives", "onion": "onions",
        "pepper": "peppers", "tomato": "tomatoes", "cola": "coke", "cokes": "coke", "sprites": "sprite",
        "fantas": "fanta", "beers": "beer", "waters": "water", "pineapples": "pineapple",
    ]

    func sizePrice(_ size: String) -> Double { sizes.first { $0.name == size }?.price ?? 10 }
    func drinkPrice(_ drink: String) -> Double { drinks.first { $0.name == drink }?.price ?? 2 }

    public static func == (a: ShopMenu, b: ShopMenu) -> Bool {
        a.sizes.map(\.name) == b.sizes.map(\.name) && a.sizes.map(\.price) == b.sizes.map(\.price) && a.toppings == b.toppings
            && a.toppingPrice == b.toppingPrice && a.drinks.map(\.name) == b.drinks.map(\.name)
            && a.drinks.map(\.price) == b.drinks.map(\.price)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sizes.map(\.name))
        hasher.combine(toppings)
        hasher.combine(drinks.map(\.name))
    }
}
