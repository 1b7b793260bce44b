/// A fault the shop bot can be told to have (`defects: [...]`), so that correctness rules can be shown to catch it.
public enum ShopDefect: String, Sendable, Hashable, CaseIterable {
    /// Toppings are not charged.
    case priceIgnoresToppings = "price_ignores_toppings"
    /// Every pizza costs as much as a medium one.
    case ignoresSize = "ignores_size"
    /// Drinks are acknowledged but left out of the confirmed order and its price.
    case forgetsDrinks = "forgets_drinks"
    /// Every confirmed order gets the same id.
    case repeatsOrderIds = "repeats_order_ids"
    /// Instead of its fallback it pretends to understand and adds a medium plain pizza.
    case neverFallsBack = "never_falls_back"
    /// Totals are quoted in euros although the menu is in dollars.
    case wrongCurrency = "wrong_currency"
}
