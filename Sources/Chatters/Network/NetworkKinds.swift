import Foundation
import Transport
import LabCore
import LabYAML

/// The registry entries of the network chatters: `http`, `openai`, `websocket`.
public enum NetworkKinds {
    public static let all: [ChatterKind] = [http, openAI, webSocket]

    static let http = ChatterKind(
        id: "http", summary: "a bot behind an HTTP endpoint, with a JSON body template",
        options: [
            ("url", "http:// or https:// address of the bot"),
            ("method", "POST (default), PUT, PATCH or GET"),
            ("headers", "extra headers, a mapping; values may use ${ENV_VAR} (never written to reports)"),
            ("body", "JSON body template with {{message}}, {{history}}, {{history_text}}, {{session}}, {{round}}"),
            ("reply_path", "where the reply text is in the JSON answer, e.g. data.messages.0.text (default: the plain body)"),
            NetworkOptions.dataPathsOption,
        ] + NetworkOptions.retryOptions + NetworkOptions.connectionOptions
    ) { options, context in
        HTTPBotChatter(
            endpoint: try Endpoint.read(try options.required("url"), schemes: ["http", "https"]),
            method: try NetworkOptions.method(options),
            headers: try HeaderSettings(yaml: options["headers"]),
            body: try options["body"].map(RequestTemplate.init(yaml:)),
            replyPath: try NetworkOptions.replyPath(options),
            dataPaths: try NetworkOptions.dataPaths(options),
            timeout: try NetworkOptions.timeout(options),
            firstByteTimeout: try NetworkOptions.firstByteTimeout(options),
            retry: try NetworkOptions.retry(options),
            settings: try NetworkOptions.clientSettings(options, context: context),
            maxReplyBytes: try NetworkOptions.maxReplyBytes(options))
    }

    static let openAI = ChatterKind(
        id: "openai", summary: "an OpenAI-compatible chat completions server (streaming or not)",
        options: [
            ("base_url", "http:// or https:// address ending in /v1, e.g. https://api.openai.com/v1"),
            ("model", "the model name"),
            ("api_key_env", "name of the environment variable holding the API key (optional for local servers; redacted from everything written)"),
            ("headers", "extra headers, a mapping; values may use ${ENV_VAR} (e.g. Azure's api-key)"),
            ("temperature", "sampling temperature"),
            ("max_tokens", "the most tokens per reply"),
            ("seed", "the server's sampling seed"),
            ("system", "system prompt (persona)"),
            ("stream", "true to stream over server-sent events and record ttft (default false)"),
            ("price", "{input: 0.15, output: 0.6}: price per million prompt and completion tokens, for the usage summaries"),
        ] + NetworkOptions.retryOptions + NetworkOptions.connectionOptions
    ) { options, context in
        try OpenAISettings(options, context: context).chatter()
    }

    static let webSocket = ChatterKind(
        id: "websocket", summary: "a bot behind a WebSocket, one connection per conversation",
        options: [
            ("url", "ws:// or wss:// address of the bot"),
            ("headers", "extra handshake headers, a mapping; values may use ${ENV_VAR}"),
            ("origin", "the Origin header of the handshake"),
            ("message", "JSON message template with the same placeholders as http's body (default {message: '{{message}}'})"),
            ("reply_path", "where the reply text is in the JSON answer (default: the whole text frame)"),
            NetworkOptions.dataPathsOption,
            ("timeout", "seconds to wait for each reply (default 30)"),
            NetworkOptions.maxReplyBytesOption,
        ] + NetworkOptions.connectionOptions.filter { $0.key != "connect_timeout" }
    ) { options, context in
        var headers = try HeaderSettings(yaml: options["headers"])
        if let origin = options["origin"] { headers.add(name: "Origin", value: try origin.nonEmptyString()) }
        return WebSocketChatter(
            endpoint: try Endpoint.read(try options.required("url"), schemes: ["ws", "wss"]),
            headers: headers,
            message: try options["message"].map(RequestTemplate.init(yaml:))
                ?? RequestTemplate(.object(["message": .string("{{message}}")])),
            replyPath: try NetworkOptions.replyPath(options),
            dataPaths: try NetworkOptions.dataPaths(options),
            timeout: try NetworkOptions.timeout(options),
            maxReplyBytes: try NetworkOptions.maxReplyBytes(options),
            tls: try NetworkOptions.clientSettings(options, context: context).tls)
    }
}
