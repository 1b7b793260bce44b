import LabCore
import Foundation
import Transport
import LabCore

/// Where a value sits in a JSON answer, written like `data.messages.0.text` (numbers index lists): the reply text
/// (`reply_path`) or one of the reply's data values (`data_paths`).
public struct ReplyPath: Sendable, Hashable, CustomStringConvertible {
    public let components: [String]

    /// `nil` for an empty path or one with an empty step (`a..b`, `.a`, `a.`).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !text.isEmpty, !parts.contains(where: \.isEmpty) else { return nil }
        components = parts
    }

    public var description: String { components.joined(separator: ".") }

    /// The value at this path in `json`, or `nil` when the path leads nowhere.
    public func value(in json: JSON) -> JSON? {
        let (found, _) = walk(json)
        return found
    }

    /// The reply text found at this path in `body`: a string, number or boolean as its text, anything else as
    /// compact JSON.
    ///
    /// - Throws: ``NetworkFailure/malformed(_:)`` when the body is not JSON or the path leads nowhere; the message
    ///   names the path and quotes the start of the body.
    public func extract(from body: Data) throws -> String {
        guard let json = try? JSON.parse(body) else {
            throw NetworkFailure.malformed("the reply is not JSON (wanted '\(self)'): \(Self.excerpt(body))")
        }
        let (found, depth) = walk(json)
        guard let found else {
            let reached = components.prefix(depth).joined(separator: ".")
            let place = reached.isEmpty ? "at the top" : "under '\(reached)'"
            throw NetworkFailure.malformed(
                "the reply has no '\(components[depth])' \(place) (reply_path '\(self)'): \(Self.excerpt(body))")
        }
        return found.scalarText ?? found.text
    }

    /// Follows the path: the value it leads to, or `nil` and the index of the first step that found nothing.
    private func walk(_ json: JSON) -> (JSON?, Int) {
        var node = json
        for (depth, component) in components.enumerated() {
            let next: JSON?
            switch node {
            case .object(let members): next = members[component]
            case .array(let items): next = Int(component).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: next = nil
            }
            guard let next else { return (nil, depth) }
            node = next
        }
        return (node, components.count)
    }

    /// The first 160 characters of a body, on one line.
    static func excerpt(_ body: Data) -> String { BodyExcerpt.of(body) }
}
