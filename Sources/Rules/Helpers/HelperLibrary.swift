/// The helper library, registered in one table: SENSEI's functions with the same names and parameters (see the
/// README's table for what each returns and where ChatLab's version differs).
public enum HelperLibrary {
    public static let helpers: [RuleHelper] =
        NumberHelpers.helpers + ConversationHelpers.helpers + RepeatedAnswers.helpers + GlobalHelpers.helpers
        + LLMHelpers.helpers

    static let functions: [String: RuleFunction] = Dictionary(
        uniqueKeysWithValues: helpers.map { ($0.name, $0.function) })
}
