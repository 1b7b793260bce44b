import ArgumentParser
import Foundation
import LabCore
import Rules

extension ChatLab {
    /// The fuzzer's entry point (scripts/fuzz_rules.py): many inputs in one process.
    struct RulesFuzzEval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fuzz-eval",
            abstract: "Evaluate generated expressions and rule files read from standard input (for the fuzzer).",
            discussion: """
                Each input line is a JSON object: {"e": "<expression>"} is parsed and evaluated on a sample \
                conversation; {"r": "<rule file text>"} is loaded and checked on three sample conversations. One \
                output line per input: the outcome's kind. The last line is 'done <count>'.
                """,
            shouldDisplay: false)

        @Option(help: "The step budget of each evaluation.")
        var steps = 100_000

        @Option(help: "The largest string or list an evaluation may produce.")
        var size = 100_000

        @Flag(help: "Print each value's repr (or the error's message) instead of its kind.")
        var show = false

        func run() throws {
            let budget = RuleBudget(steps: steps, size: size)
            let samples = (0..<3).map { FuzzSample.conversation($0) }
            let checker = RuleChecker(budget: budget)
            var count = 0
            while let line = readLine(strippingNewline: true) {
                count += 1
                guard let json = try? JSON.parse(Data(line.utf8)) else {
                    print("bad-input")
                    continue
                }
                if case .string(let expression)? = json["e"] {
                    print(Self.evaluate(expression, budget: budget, on: samples[0], show: show))
                } else if case .string(let text)? = json["r"] {
                    do {
                        let rules = try RuleFileLoader.load(text: text, file: "fuzz.yaml")
                        let tallies = checker.check(rules, on: samples)
                        print("rules \(tallies.count)")
                    } catch {
                        print("rule-error \(error.description.prefix(60).replacingOccurrences(of: "\n", with: " "))")
                    }
                } else {
                    print("bad-input")
                }
            }
            print("done \(count)")
        }

        private static func evaluate(_ expression: String, budget: RuleBudget, on sample: RuleVariables, show: Bool) -> String {
            let body: RuleBody
            do {
                body = try RuleBody(expression)
            } catch {
                return show ? "syntax \(error.message)" : "syntax"
            }
            do {
                let value = try RuleEvaluator(budget: budget).run(body, variables: sample)
                return show ? "value \(value.repr)" : "value \(value.typeName)"
            } catch {
                return show ? "error \(error)" : "error \(error.kind)"
            }
        }
    }
}
