import Foundation
import LabCore
import LLM
import Scoring
import Transport

/// Asks one provider for one answer and measures it: timings, tokens, cost, error class, coverage and the judge.
/// A failed request becomes a record with `success: false` and its error class, never a thrown error.
struct AnswerAsker: Sendable {
    let client: OpenAIClient
    let request: BatchMatrix.RequestSettings
    let services: BatchServices

    init(provider: BatchMatrix.Provider, request: BatchMatrix.RequestSettings, services: BatchServices) throws {
        guard let endpoint = Endpoint(provider.baseURL, schemes: ["http", "https"]) else {
            throw BatchError.badProviderURL(provider: provider.name, url: provider.baseURL)
        }
        var key: String?
        if let variable = provider.keyVariable {
            guard let value = services.environment[variable], !value.isEmpty else {
                throw BatchError.missingKey(provider: provider.name, variable: variable)
            }
            key = value
        }
        client = OpenAIClient(
            baseURL: endpoint, apiKey: key, timeout: .milliseconds(Int64(request.timeout * 1000)),
            retry: RetryPolicy(retries: request.retries))
        self.request = request
        self.services = services
    }

    func ask(_ item: BatchPlan.Item, batch: String, seed: UInt64) async -> AnswerRecord {
        var record = AnswerRecord(batch: batch, item: item, startedAt: services.now())
        var messages: [ChatCompletionRequest.Message] = []
        if let system = request.system { messages.append(.init(role: "system", content: system)) }
        messages.append(.init(role: "user", content: item.question.text))
        let call = ChatCompletionRequest(
            model: item.model.name, messages: messages, temperature: request.temperature, maxTokens: request.maxTokens,
            stream: request.stream)
        do {
            let completion = try await client.complete(call, seed: seed)
            measure(completion, item: item, into: &record)
        } catch let failure as NetworkFailure {
            record.errorClass = Self.errorClass(failure)
            record.errorMessage = String(failure.description.prefix(500))
        } catch {
            record.errorClass = "other"
            record.errorMessage = String("\(error)".prefix(500))
        }
        return record
    }

    private func measure(_ completion: ChatCompletion, item: BatchPlan.Item, into record: inout AnswerRecord) {
        record.latency = completion.seconds
        record.ttft = completion.ttft
        record.retries = completion.retries
        record.answer = String(completion.text.prefix(AnswerRecord.maxAnswerCharacters))
        record.promptTokens = completion.usage?.prompt
        record.completionTokens = completion.usage?.completion
        if let usage = completion.usage {
            let generation = completion.seconds - (completion.ttft ?? 0)
            if generation > 0 { record.tokensPerSecond = Double(usage.completion) / generation }
            record.cost = item.model.price?.cost(prompt: Double(usage.prompt), completion: Double(usage.completion))
        }
        guard !completion.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            record.errorClass = "empty"
            record.errorMessage = "the answer is empty"
            return
        }
        record.success = true
        let question = item.question
        record.keywordCoverage = Coverage.keywordShare(completion.text, keywords: question.keywords)
        if let reference = question.reference, let encoder = services.encoder {
            record.meaningCoverage = try? Coverage.byMeaning(completion.text, reference: reference, encoder: encoder)
        }
        if let expected = question.expected {
            let reply = JudgedReply.bounded(completion.text).text
            let judgment = services.judge.judge(
                JudgeItem(question: question.text, expected: Self.expected(expected), reply: reply))
            record.verdict = judgment.verdict == .pass ? "pass" : judgment.verdict == .fail ? "fail" : "unknown"
        }
    }

    /// `yes` / `no` make a closed question; any other text an open one.
    static func expected(_ text: String) -> TestSet.Expected {
        switch text.lowercased() {
        case "yes": return .yes
        case "no": return .no
        default: return .text(text, aliases: [])
        }
    }

    /// The network failure's kind, with HTTP statuses other than 429 grouped as `http_4xx` / `http_5xx`.
    static func errorClass(_ failure: NetworkFailure) -> String {
        if case .http(let status, _) = failure, status != 429 { return "http_\(status / 100)xx" }
        return failure.kind
    }
}
