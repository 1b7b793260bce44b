import NIOCore
import NIOWebSocket

/// Client-side frame handling after the upgrade: joins fragmented text messages into the inbox, answers pings,
/// and reports the end of the connection. A message whose fragments pass `limit` bytes (or a single frame longer than
/// the decoder's `maxFrameSize`) ends the connection as ``NetworkFailure/tooLarge(_:)``.
final class WebSocketFrameHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let inbox: WebSocketInbox
    private var partial: ByteBuffer?
    private let limit: Int

    init(inbox: WebSocketInbox, limit: Int) {
        self.inbox = inbox
        self.limit = limit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary:
            if frame.fin { inbox.deliver(String(buffer: frame.unmaskedData)) } else { partial = frame.unmaskedData }
        case .continuation:
            var buffer = partial ?? ByteBuffer()
            var piece = frame.unmaskedData
            guard buffer.readableBytes + piece.readableBytes <= limit else {
                partial = nil
                inbox.end(inbox.tooLarge())
                context.close(promise: nil)
                return
            }
            buffer.writeBuffer(&piece)
            if frame.fin {
                partial = nil
                inbox.deliver(String(buffer: buffer))
            } else {
                partial = buffer
            }
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
            context.writeAndFlush(Self.wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            inbox.end(.connection("the server closed the WebSocket"))
            let close = WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: ByteBuffer())
            let channel = context.channel
            context.writeAndFlush(Self.wrapOutboundOut(close)).whenComplete { _ in channel.close(promise: nil) }
        default:
            break
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.end(.connection("the WebSocket connection dropped"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? NIOWebSocketError, error == .invalidFrameLength {
            inbox.end(inbox.tooLarge())
        } else {
            inbox.end(.connection("the WebSocket connection failed: \(ConnectionText.describe(error))"))
        }
        context.close(promise: nil)
    }
}
