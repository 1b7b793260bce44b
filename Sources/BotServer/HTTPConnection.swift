import Foundation
import NIOCore
import NIOHTTP1

/// Serves the requests of one keep-alive HTTP connection, one after another. A body over ``RequestLimit/bytes`` is
/// answered with 413 and the connection closed.
struct HTTPConnection {
    let routes: ServerRoutes

    func serve(_ channel: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async throws {
        try await channel.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body.clear()
                case .body(var chunk):
                    guard body.readableBytes + chunk.readableBytes <= RequestLimit.bytes else {
                        let reply = ServerReply.error(.payloadTooLarge, "the request body is larger than \(RequestLimit.bytes) bytes")
                        try await write(reply, keepAlive: false, to: outbound)
                        return
                    }
                    body.writeBuffer(&chunk)
                case .end:
                    guard let request = head else { return }
                    let reply = await routes.handle(request, body: Data(body.readableBytesView))
                    try await write(reply, keepAlive: request.isKeepAlive, to: outbound)
                    if !request.isKeepAlive { return }
                    head = nil
                }
            }
        }
    }

    private func write(_ reply: ServerReply, keepAlive: Bool,
                       to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws {
        var headers = HTTPHeaders()
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        switch reply {
        case .body(let status, let contentType, let text):
            let buffer = ByteBuffer(string: text)
            headers.add(name: "Content-Type", value: contentType)
            headers.add(name: "Content-Length", value: String(buffer.readableBytes))
            try await outbound.write(contentsOf: [
                .head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)),
                .body(.byteBuffer(buffer)), .end(nil),
            ])
        case .events(let events, let waits):
            headers.add(name: "Content-Type", value: "text/event-stream")
            headers.add(name: "Cache-Control", value: "no-cache")
            try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)))
            for (index, event) in events.enumerated() {
                if index < waits.count, waits[index] > 0 { try await Task.sleep(nanoseconds: UInt64(waits[index] * 1e9)) }
                try await outbound.write(.body(.byteBuffer(ByteBuffer(string: "data: \(event)\n\n"))))
            }
            try await outbound.write(.end(nil))
        }
    }
}
