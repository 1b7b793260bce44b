import Foundation
import TestSupport
import Testing
import Transport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The blocking clients of the scorers and the remote encoder read at most their limit of a hostile answer
/// (`Tests/Fixtures/fault_server.py`): an endless body, an endless chunked body and an announced huge length all end
/// as too large instead of filling memory, and an ordinary answer still arrives whole.
@Suite(.serialized) struct BlockingFetchTests {
    let server: ServerProcess

    init() throws {
        server = try ServerProcess.faultServer()
    }

    private func post(_ path: String) -> URLRequest {
        var request = URLRequest(url: URL(string: "\(server.base)/\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"message": "hello", "round": 1}"#.utf8)
        return request
    }

    @Test(arguments: ["endless", "endlesschunked", "biglength"])
    func aHostileBodyEndsAsTooLarge(mode: String) throws {
        let fetch = BlockingFetch(maxBytes: 256 << 10, timeout: 60)
        #expect(throws: BlockingFetch.Failure.tooLarge(limit: 256 << 10)) { try fetch.send(post("\(mode)/chat")) }
    }

    @Test func anOrdinaryAnswerArrivesWhole() throws {
        let reply = try BlockingFetch(maxBytes: 256 << 10, timeout: 60).send(post("ok/chat"))
        #expect(reply.status == 200)
        let json = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
        #expect((json?["data"] as? [String: Any])?["messages"] != nil)
    }
}
