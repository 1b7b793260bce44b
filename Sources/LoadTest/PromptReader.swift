import Foundation
import LabCore
import LabYAML

/// Reads the prompts of a load test: JSON Lines (`.jsonl`, one object per line, fields named by ``PromptFields``)
/// or plain text (any other file: one prompt per non-empty line).
public struct PromptReader: Sendable {
    public var fields: PromptFields
    /// The most prompts kept per file, sampled with ``seed`` (`nil`: all, like the seed tool's `MAX_SAMPLES=-1`).
    public var maxSamples: Int?
    public var seed: UInt64
    /// The longest prompt accepted, in characters (untrusted text stays bounded).
    public static let maxPromptCharacters = 100_000

    public init(fields: PromptFields = PromptFields(), maxSamples: Int? = nil, seed: UInt64 = 1) {
        self.fields = fields
        self.maxSamples = maxSamples
        self.seed = seed
    }

    /// The prompts of every file, in order (each file's sample keeps the file's order).
    public func read(paths: [String]) throws -> [LoadPrompt] {
        var all: [LoadPrompt] = []
        for (number, path) in paths.enumerated() {
            all += sample(try read(path: path), file: number)
        }
        return all
    }

    /// The prompts of one file, unsampled.
    ///
    /// - Throws: ``LoadError`` naming `file:line` for a line that is not a JSON object, lacks the text field or has
    ///   a field of the wrong type; for an unreadable or empty file.
    public func read(path: String) throws -> [LoadPrompt] {
        let text: String
        do {
            text = try InputFile.text(atPath: path, maxBytes: 256 << 20)
        } catch ConfigError.unreadable(_, let reason) {
            throw LoadError(path, "cannot be read: \(reason)", fix: "Give a .jsonl or text file of prompts.")
        }
        let isJSONLines = path.hasSuffix(".jsonl")
        var prompts: [LoadPrompt] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let source = "\(path):\(index + 1)"
            let prompt = isJSONLines ? try jsonPrompt(trimmed, source: source) : LoadPrompt(text: trimmed, source: source)
            guard prompt.text.count <= Self.maxPromptCharacters else {
                throw LoadError(source, "holds a prompt of \(prompt.text.count) characters",
                                fix: "Keep prompts under \(Self.maxPromptCharacters) characters.")
            }
            prompts.append(prompt)
        }
        guard !prompts.isEmpty else {
            throw LoadError(path, "holds no prompts", fix: "Write one prompt per line (a JSON object per line in a .jsonl file).")
        }
        return prompts
    }

    private func jsonPrompt(_ line: String, source: String) throws -> LoadPrompt {
        guard let json = try? JSON.parse(Data(line.utf8)), case .object(let object) = json else {
            throw LoadError(source, "is not a JSON object",
                            fix: #"Write one object per line, e.g. {"\#(fields.intent)": "greeting", "\#(fields.text)": "Hello"}."#)
        }
        guard case .string(let text)? = object[fields.text], !text.isEmpty else {
            throw LoadError(source, "has no text field '\(fields.text)'",
                            fix: "Add it, or name the field with --text-field.")
        }
        var prompt = LoadPrompt(text: text, source: source)
        switch object[fields.intent] {
        case nil, .null?: break
        case .string(let intent)?: prompt.intent = intent
        default: throw LoadError(source, "has a '\(fields.intent)' that is not text", fix: "Write the intent's name as a string.")
        }
        switch object[fields.referenceCount] {
        case nil, .null?: break
        case .number(let count)? where count >= 0 && count == count.rounded() && count < 1e9: prompt.referenceCount = Int(count)
        default: throw LoadError(source, "has a '\(fields.referenceCount)' that is not a whole number ≥ 0", fix: "Write e.g. 2.")
        }
        switch object[fields.answer] {
        case nil, .null?: break
        case .string(let answer)? where !answer.isEmpty: prompt.answer = answer
        default: throw LoadError(source, "has a '\(fields.answer)' that is not text", fix: "Write the expected answer as a string.")
        }
        return prompt
    }

    /// Up to ``maxSamples`` prompts drawn without replacement with a seed derived from ``seed`` and the file's
    /// position, kept in file order.
    func sample(_ prompts: [LoadPrompt], file: Int) -> [LoadPrompt] {
        guard let maxSamples, maxSamples < prompts.count else { return prompts }
        var random = SeededRandom(seed: SeededRandom.derive(seed, 0x6C6F6164, UInt64(file)))
        var indices = Array(prompts.indices)
        for slot in 0..<maxSamples {
            indices.swapAt(slot, slot + Int(random.next() % UInt64(indices.count - slot)))
        }
        return indices[..<maxSamples].sorted().map { prompts[$0] }
    }
}
