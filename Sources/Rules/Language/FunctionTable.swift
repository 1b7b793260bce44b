/// Every function a rule may call by name: Python's builtins (``Builtins``) and the helper library
/// (``HelperLibrary``). A variable of the same name hides a function.
enum FunctionTable {
    static let all: [String: RuleFunction] = Builtins.functions.merging(HelperLibrary.functions) { _, helper in helper }
}
