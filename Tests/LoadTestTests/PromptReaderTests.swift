import Foundation
import LoadTest
import Testing
import TestSupport

@Suite struct PromptReaderTests {
    @Test func readsTheSeedFormatAndPlainText() throws {
        let folder = try TemporaryDirectory()
        let jsonl = folder.path("p.jsonl")
        try """
            {"Intent": "greeting", "Question": "Hello", "RefCount": 0}

            {"Intent": "payment", "Question": "What does it cost?", "RefCount": 2}
            {"Question": "No intent here"}
            """.write(toFile: jsonl, atomically: true, encoding: .utf8)
        let text = folder.path("p.txt")
        try "first line\n\n  second line  \n".write(toFile: text, atomically: true, encoding: .utf8)
        let prompts = try PromptReader().read(paths: [jsonl, text])
        #expect(prompts.map(\.text) == ["Hello", "What does it cost?", "No intent here", "first line", "second line"])
        #expect(prompts.map(\.intent) == ["greeting", "payment", nil, nil, nil])
        #expect(prompts.map(\.referenceCount) == [0, 2, nil, nil, nil])
        #expect(prompts[1].source == "\(jsonl):3")
    }

    @Test func customFieldNames() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("p.jsonl")
        try #"{"label": "a", "text": "one"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let prompts = try PromptReader(fields: PromptFields(text: "text", intent: "label")).read(path: path)
        #expect(prompts == [LoadPrompt(text: "one", intent: "a", source: "\(path):1")])
    }

    @Test func badLinesNameFileAndLine() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("bad.jsonl")
        try "{\"Question\": \"ok\"}\nnot json\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: LoadError.self) { try PromptReader().read(path: path) }
        #expect(error?.location == "\(path):2")
        try "{\"Intent\": \"x\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let missing = #expect(throws: LoadError.self) { try PromptReader().read(path: path) }
        #expect(missing?.description.contains("'Question'") == true)
        #expect(missing?.description.contains("--text-field") == true)
        #expect(throws: LoadError.self) { try PromptReader().read(path: folder.path("none.jsonl")) }
    }

    @Test func maxSamplesDrawsASeededSubsetPerFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("many.txt")
        try (1...50).map { "prompt \($0)" }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let first = try PromptReader(maxSamples: 10, seed: 7).read(paths: [path, path])
        let again = try PromptReader(maxSamples: 10, seed: 7).read(paths: [path, path])
        let other = try PromptReader(maxSamples: 10, seed: 8).read(paths: [path, path])
        #expect(first.count == 20)
        #expect(first == again)
        #expect(first != other)
        #expect(Set(first[..<10].map(\.text)).count == 10)
        // Kept in file order.
        let lines = first[..<10].map { Int($0.source.split(separator: ":").last!)! }
        #expect(lines == lines.sorted())
    }
}
