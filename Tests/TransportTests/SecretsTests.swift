import Foundation
import Testing
import Transport

/// Secret values are masked wherever a peer sends them back: as written, JSON-escaped, inside a longer text.
@Suite struct SecretsTests {
    @Test func aSecretIsMaskedAsWrittenAndAsJSONEscapesIt() {
        var secrets = Secrets()
        secrets.add("Bearer sk-abc/123\"x")
        let json = #"{"error": {"message": "Incorrect API key provided: Bearer sk-abc\/123\"x"}}"#
        let masked = secrets.redact(json)
        #expect(!masked.contains("sk-abc"), "\(masked)")
        #expect(masked.contains(Secrets.mask))
        #expect(secrets.redact("the key sk-abc/123\"x alone") == "the key \(Secrets.mask) alone")
    }

    @Test func bytesAreRedactedOnlyWhenASecretOccursInThem() {
        let secrets = Secrets(["token-0123456789"])
        let clean = Data([0xFF, 0xFE, 0x00, 0x41])
        #expect(secrets.redact(clean) == clean)
        #expect(secrets.redact(Data("x token-0123456789 y".utf8)) == Data("x \(Secrets.mask) y".utf8))
    }

    @Test func shortValuesAreNotRedactedSoRepliesStayReadable() {
        let secrets = Secrets(["42", "abc"])
        #expect(secrets.isEmpty)
        #expect(secrets.redact("I am 42") == "I am 42")
    }

    @Test func headerSettingsKeepTheirSecretsButDescribeOnlyNames() {
        var headers = HeaderSettings()
        headers.add(name: "Authorization", value: "Bearer sk-live-987654", secret: "sk-live-987654")
        #expect(headers.description == "headers: Authorization")
        #expect(headers.secrets.redact("echo: Bearer sk-live-987654") == "echo: Bearer \(Secrets.mask)")
    }
}
