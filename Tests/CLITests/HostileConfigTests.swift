import Foundation
import TestSupport
import Testing

// Issue #22, reproducer 9: hostile YAML must end `validate` with a clear error, never a crash or a hang.

@Test func anAliasBombAsAMappingKeyIsRefusedWithItsLine() throws {
    let folder = try TemporaryDirectory()
    let text = HostileInput.aliasBomb(levels: 9).joined(separator: "\n") + "\n? *a9\n: boom\n"
    let outcome = try HostileInput.validate(text, in: folder)
    #expect(!outcome.timedOut, "validate hung on an alias bomb used as a key")
    #expect(outcome.status == 2 && !outcome.signaled, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("hostile.yaml:"), "\(outcome.stderr)")
    #expect(outcome.stderr.contains("more than 100000 values") || outcome.stderr.contains("keys are plain words"))
}

@Test func aDeepAliasChainAsAKeyDoesNotCrash() throws {
    let folder = try TemporaryDirectory()
    let text = HostileInput.aliasChain(depth: 60_000).joined(separator: "\n") + "\n? *c60000\n: boom\n"
    let outcome = try HostileInput.validate(text, in: folder)
    #expect(!outcome.timedOut)
    #expect(outcome.status == 2 && !outcome.signaled, "status \(outcome.status): \(outcome.stderr.suffix(500))")
    // The chain is refused where it first nests too deep, long before the key.
    #expect(outcome.stderr.contains("hostile.yaml:64:"), "\(outcome.stderr)")
    #expect(outcome.stderr.contains("nested more than 64 levels deep"))
}

@Test func anAliasBombInAnHTTPBodyIsRefused() throws {
    let folder = try TemporaryDirectory()
    let text = HostileInput.httpConfig(body: HostileInput.aliasBomb(levels: 9) + ["top: *a9"])
    let outcome = try HostileInput.validate(text, in: folder)
    #expect(!outcome.timedOut, "validate hung on an alias bomb in a body")
    #expect(outcome.status == 2, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("more than 100000 values"), "\(outcome.stderr)")
}

@Test func aBodyNestedThousandsDeepThroughAliasesFailsValidateNotRun() throws {
    let folder = try TemporaryDirectory()
    let text = HostileInput.httpConfig(body: HostileInput.aliasChain(depth: 4_500) + ["top: *c4500"])
    let outcome = try HostileInput.validate(text, in: folder)
    #expect(!outcome.timedOut)
    #expect(outcome.status == 2 && !outcome.signaled, "\(outcome.stderr.suffix(500))")
    #expect(outcome.stderr.contains("hostile.yaml:"), "\(outcome.stderr)")
    #expect(outcome.stderr.contains("nested more than 64 levels deep"))
}

@Test func deepFlowNestingIsRefusedWithItsPlace() throws {
    let folder = try TemporaryDirectory()
    let outcome = try HostileInput.validate(
        "name: x\nrounds: " + String(repeating: "[", count: 100_000) + "\n", in: folder)
    #expect(!outcome.timedOut)
    #expect(outcome.status == 2 && !outcome.signaled, "\(outcome.stderr.suffix(500))")
    #expect(outcome.stderr.contains("hostile.yaml:2:"), "\(outcome.stderr)")
}

@Test func aBodyTemplateWithinTheLimitsStillValidates() throws {
    let folder = try TemporaryDirectory()
    let body = ["base: &base {app: demo, lang: en}", "session: \"{{session}}\"", "message: \"{{message}}\"",
        "meta: [*base, *base, {deep: [[[1, 2]]]}]"]
    let outcome = try HostileInput.validate(HostileInput.httpConfig(body: body), in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
}
