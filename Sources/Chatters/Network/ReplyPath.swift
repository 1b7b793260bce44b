import Foundation
import LabCore

/// Where the reply text sits in a JSON answer, written like `data.messages.0.text` (numbers index lists).
public struct ReplyPath: Sendable, CustomStringConvertible {
    public let components: [String]

    /// `nil` for an empty path.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !text.isEmpty, !parts.contains(where: \.isEmpty) else { return nil }
        components = parts
    }

    public var description: String { components.joined(separator: ".") }

    /// The reply text found at this path in `body`.
    ///
    /// - Throws: ``ChatterError/failed(kind:message:)`` with kind `malformed` when the body is not JSON or the
    ///   path leads nowhere; the message names the path and quotes the start of the body.
    public func extract(from body: Data) throws -> String {
        guard let json = try? JSON.parse(body) else {
            throw NetworkFailure.malformed("the reply is not JSON (wanted '\(self)'): \(Self.excerpt(body))")
        }
        var node = json
        for (depth, component) in components.enumerated() {
            let next: JSON?
            switch node {
            case .object(let members): next = members[component]
            case .array(let items): next = Int(component).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: next = nil
            }
            guard let next else {
                let reached = components.prefix(depth).joined(separator: ".")
                let place = reached.isEmpty ? "at the top" : "under '\(reached)'"
                throw NetworkFailure.malformed(
                    "the reply has no '\(component)' \(place) (reply_path '\(self)'): \(Self.excerpt(body))")
            }
            node = next
        }
        return node.scalarText ?? node.text
    }

    /// The first 160 characters of a body, on one line.
    static func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
        return text.count > 160 ? "\(text.prefix(160))…" : (text.isEmpty ? "(empty body)" : text)
    }
}
