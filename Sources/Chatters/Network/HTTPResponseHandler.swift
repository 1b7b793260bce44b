import Foundation
import NIOCore
import NIOHTTP1

/// Hands the parts of each HTTP answer on a client connection to its ``HTTPResponseInbox``, and the end of the
/// connection as a failure; closes the connection when the inbox refuses a part (too large, or not asked for).
final class HTTPResponseHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let inbox: HTTPResponseInbox
    private let address: String

    init(inbox: HTTPResponseInbox, address: String) {
        self.inbox = inbox
        self.address = address
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let accepted: Bool
        switch Self.unwrapInboundIn(data) {
        case .head(let head): accepted = inbox.head(head)
        case .body(let buffer): accepted = inbox.body(Data(buffer.readableBytesView))
        case .end: accepted = inbox.end()
        }
        if !accepted { context.close(promise: nil) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.fail(.connection("\(address) closed the connection before the answer was complete"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        inbox.fail(.connection("the connection to \(address) failed: \(ConnectionText.describe(error))"))
        context.close(promise: nil)
    }
}
