import Chatters
import LabCore
import LLM
import Transport

/// Readies a network chatter for a load test. Retries go off: under load a retry would hide the error it retried and
/// stretch the latency, so every attempt must count as one message.
///
/// The `http` and `openai` chatters get a client with `retries: 0` (same endpoint, headers, TLS and limits); the
/// `websocket` chatter stops sending a message again when its kept connection has dropped, and reports each reply's
/// time on the wire as stamped on its event loop (see ``WebSocketChatter/measuresWireTime``); other chatters are
/// returned as they are.
public enum UnderLoad {
    public static func apply(_ chatter: any Chatter) -> any Chatter {
        if var http = chatter as? HTTPBotChatter {
            http.client.policy.retries = 0
            return http
        }
        if var openai = chatter as? OpenAIChatter {
            let old = openai.client
            var policy = old.http.policy
            policy.retries = 0
            openai.client = OpenAIClient(
                baseURL: old.baseURL, headers: old.headers, timeout: old.timeout, firstByteTimeout: old.firstByteTimeout,
                retry: policy, settings: old.http.clients.settings, maxReplyBytes: old.maxReplyBytes)
            return openai
        }
        if var websocket = chatter as? WebSocketChatter {
            websocket.resendsOnDrop = false
            websocket.measuresWireTime = true
            return websocket
        }
        return chatter
    }

    /// The retries a chatter would make after a failure (0 for chatters that do not retry).
    public static func retries(of chatter: any Chatter) -> Int {
        if let http = chatter as? HTTPBotChatter { return http.client.policy.retries }
        if let openai = chatter as? OpenAIChatter { return openai.client.http.policy.retries }
        return 0
    }
}
