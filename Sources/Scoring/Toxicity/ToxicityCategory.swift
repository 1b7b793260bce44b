/// The seven toxicity categories of Detoxify, which the prototype reported, and the offline model's one.
public enum ToxicityCategory {
    public static let seven = [
        "toxicity", "severe_toxicity", "obscene", "identity_attack", "insult", "threat", "sexual_explicit",
    ]

    /// The offline model's single category.
    public static let offensive = "offensive"
}
