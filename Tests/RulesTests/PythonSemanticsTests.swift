import Rules
import Testing

/// Expressions evaluated by the rule language and, when this table was written, by CPython 3 (`repr(eval(e))`):
/// the expected texts are Python's, except that tuples are lists in the rule language (`list(zip(...))`).
@Suite struct PythonSemanticsTests {
    static let table: [(String, String)] = [
        ("1 + 2 * 3 - 4", "3"),
        ("7 / 2", "3.5"),
        ("7 // 2", "3"),
        ("-7 // 2", "-4"),
        ("7 % 3", "1"),
        ("-7 % 3", "2"),
        ("7 % -3", "-2"),
        ("7.5 // 2", "3.0"),
        ("-7.5 % 2", "0.5"),
        ("2 ** 10", "1024"),
        ("2 ** -2", "0.25"),
        ("2 ** 0.5", "1.4142135623730951"),
        ("True + True", "2"),
        ("1 == 1.0", "True"),
        ("1 < 2 < 3", "True"),
        ("1 < 2 > 3", "False"),
        ("3 > 2 == 2", "True"),
        ("'a' < 'b' <= 'b'", "True"),
        ("[1, 2] < [1, 3]", "True"),
        ("[1, 2] == [1, 2]", "True"),
        ("not 0", "True"),
        ("not []", "True"),
        ("[] or 'x'", "'x'"),
        ("0 and 1", "0"),
        ("1 and 2", "2"),
        ("None or 0", "0"),
        ("'' or None", "None"),
        ("'b' if 0 else 'c'", "'c'"),
        ("'ell' in 'hello'", "True"),
        ("'z' not in 'hello'", "True"),
        ("2 in [1, 2, 3]", "True"),
        ("'k' in {'k': 1}", "True"),
        ("None is None", "True"),
        ("1 is not None", "True"),
        ("'abcdef'[1:4]", "'bcd'"),
        ("'abcdef'[::-1]", "'fedcba'"),
        ("'abcdef'[-2:]", "'ef'"),
        ("'abcdef'[:-2]", "'abcd'"),
        ("'abcdef'[::2]", "'ace'"),
        ("[1, 2, 3, 4, 5][-3:-1]", "[3, 4]"),
        ("[1, 2, 3, 4, 5][10:]", "[]"),
        ("[1, 2, 3, 4, 5][::-2]", "[5, 3, 1]"),
        ("'abc'[-1]", "'c'"),
        ("[x * x for x in range(6) if x % 2 == 0]", "[0, 4, 16]"),
        ("[a + b for a in 'ab' for b in 'xy']", "['ax', 'ay', 'bx', 'by']"),
        ("[k for k, v in {'a': 1, 'b': 2}.items() if v > 1]", "['b']"),
        ("len('héllo')", "5"),
        ("len([1, [2, 3]])", "2"),
        ("str(1.5)", "'1.5'"),
        ("str(10 / 5)", "'2.0'"),
        ("str(1e16)", "'1e+16'"),
        ("str(1e-05)", "'1e-05'"),
        ("str(0.1 + 0.2)", "'0.30000000000000004'"),
        ("str(None)", "'None'"),
        ("str(True)", "'True'"),
        ("str([1, 'a', None])", "\"[1, 'a', None]\""),
        ("str({'a': [1, 2]})", "\"{'a': [1, 2]}\""),
        ("repr('it\\'s')", "'\"it\\'s\"'"),
        ("int('42')", "42"),
        ("int(3.9)", "3"),
        ("int(-3.9)", "-3"),
        ("float('2.5')", "2.5"),
        ("abs(-4.5)", "4.5"),
        ("min([3, 1, 2])", "1"),
        ("max(1, 5, 3)", "5"),
        ("max('apple', 'pear')", "'pear'"),
        ("sum([1, 2, 3])", "6"),
        ("sum([0.5, 0.25])", "0.75"),
        ("any([0, '', 1])", "True"),
        ("all([1, 'a', []])", "False"),
        ("round(2.5)", "2"),
        ("round(3.5)", "4"),
        ("round(2.675, 2)", "2.67"),
        ("round(-0.5)", "0"),
        ("sorted([3, 1, 2])", "[1, 2, 3]"),
        ("sorted(['b', 'a'], reverse=True)", "['b', 'a']"),
        ("list('abc')", "['a', 'b', 'c']"),
        ("'Hello World'.lower()", "'hello world'"),
        ("'Hello World'.upper()", "'HELLO WORLD'"),
        ("'  padded  '.strip()", "'padded'"),
        ("'xxhixx'.strip('x')", "'hi'"),
        ("'a,b,,c'.split(',')", "['a', 'b', '', 'c']"),
        ("'  many   spaces here '.split()", "['many', 'spaces', 'here']"),
        ("'a b c'.split(' ', 1)", "['a', 'b c']"),
        ("'hello'.replace('l', 'L')", "'heLLo'"),
        ("'aaaa'.replace('a', 'b', 2)", "'bbaa'"),
        ("'hello'.count('l')", "2"),
        ("'hello'.find('lo')", "3"),
        ("'hello'.find('z')", "-1"),
        ("'hello'.startswith('he')", "True"),
        ("'hello'.endswith(('x', 'lo'))", "True"),
        ("'-'.join(['a', 'b', 'c'])", "'a-b-c'"),
        ("f'{3.14159:.2f}'", "'3.14'"),
        ("f'{42:05d}'", "'00042'"),
        ("f'{7:>4}|{7:<4}|{7:^5}'", "'   7|7   |  7  '"),
        ("f'{0.256:.1%}'", "'25.6%'"),
        ("f'{1234567:,}'", "'1,234,567'"),
        ("f'{1234567.891:,.2f}'", "'1,234,567.89'"),
        ("f'{-3:+d}'", "'-3'"),
        ("f'{2.5e-7}'", "'2.5e-07'"),
        ("f'{\"ab\":*^6}'", "'**ab**'"),
        ("f'{[1, 2]}'", "'[1, 2]'"),
        ("f'{\"x\"!r}'", "\"'x'\""),
        ("f'{{literal}} {1 + 1}'", "'{literal} 2'"),
        ("f'{12.5:e}'", "'1.250000e+01'"),
        ("f'{12.5:g}'", "'12.5'"),
        ("{'a': 1, 'b': 2}.get('b')", "2"),
        ("{'a': 1}.get('z', 'none')", "'none'"),
        ("list({'a': 1, 'b': 2}.keys())", "['a', 'b']"),
        ("[1, 2, 2, 3].count(2)", "2"),
        ("[5, 6, 7].index(7)", "2"),
        ("'abc' * 3", "'abcabcabc'"),
        ("[0] * 3", "[0, 0, 0]"),
        ("'a' + 'b'", "'ab'"),
        ("[1] + [2]", "[1, 2]"),
        ("10 - 2.5", "7.5"),
        ("3 * 1.5", "4.5"),
        ("1e308 * 10", "inf"),
        ("-2 ** 2", "-4"),
        ("(-2) ** 2", "4"),
        ("2 ** 3 ** 2", "512"),
        ("not 1 == 2", "True"),
        ("1 + 2 if True else 3", "3"),
        ("[i for i in range(10, 0, -3)]", "[10, 7, 4, 1]"),
        ("list(enumerate('ab'))", "[[0, 'a'], [1, 'b']]"),
        ("list(zip([1, 2], 'ab'))", "[[1, 'a'], [2, 'b']]"),
        ("bool('')", "False"),
        ("bool([0])", "True"),    ]

    @Test(arguments: table.indices)
    func matchesPython(_ index: Int) throws {
        let (expression, expected) = Self.table[index]
        let value = try RuleEvaluator().run(try RuleBody(expression), variables: RuleVariables(conversation: "t", values: [:]))
        #expect(value.repr == expected, "\(expression)")
    }

    @Test func multiLineOraclesAssignOnEarlierLinesAndReturnTheLast() throws {
        let body = try RuleBody("a = 3\nb, c = [a * 2, 'x']\nb += 1\nf'{b}{c}'")
        let value = try RuleEvaluator().run(body, variables: RuleVariables(conversation: "t", values: [:]))
        #expect(value == .string("7x"))
    }

    @Test func pythonErrorsBecomeTypedErrors() throws {
        let cases: [(String, String)] = [
            ("1 / 0", "ZeroDivisionError"), ("1 < 'a'", "TypeError"), ("undefined", "NameError"),
            ("[1][5]", "IndexError"), ("{'a': 1}['b']", "KeyError"), ("int('x')", "ValueError"),
            ("'a'.nope()", "AttributeError"), ("2 ** 64", "OverflowError"), ("len(5)", "TypeError"),
        ]
        for (expression, kind) in cases {
            #expect(throws: RuleEvaluationError.self) {
                try RuleEvaluator().run(try RuleBody(expression), variables: RuleVariables(conversation: "t", values: [:]))
            }
            do {
                _ = try RuleEvaluator().run(try RuleBody(expression), variables: RuleVariables(conversation: "t", values: [:]))
            } catch let error as RuleEvaluationError {
                #expect(error.kind == kind, "\(expression): \(error)")
            }
        }
    }

    @Test func recordsAndDataAreTheOnlyAttributes() throws {
        let values: [String: RuleValue] = ["conv": .list([.record(RuleRecord(["size": .string("small")]))])]
        let variables = RuleVariables(conversation: "t", values: values)
        #expect(try RuleEvaluator().run(try RuleBody("conv[0].size.upper()"), variables: variables) == .string("SMALL"))
        for refused in ["conv[0].__class__", "import os", "lambda: 1", "conv[0]._x", "__import__('os')"] {
            #expect(throws: RuleSyntaxError.self, "\(refused)") { try RuleBody(refused) }
        }
        #expect(throws: RuleEvaluationError.self) { try RuleEvaluator().run(try RuleBody("conv[0].missing"), variables: variables) }
        #expect(throws: RuleEvaluationError.self) { try RuleEvaluator().run(try RuleBody("(5).real"), variables: variables) }
    }
}
