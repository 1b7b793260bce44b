import Foundation
import Lab
import LabCore
import Testing
import TestSupport

/// The README's table of test codes is the catalogue's (`chatlab list codes`).
@Suite struct ReadmeCodesTests {
    @Test func readmeTableListsEveryCatalogueCode() throws {
        let readme = try String(contentsOf: Python.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = MarkdownTable.rows(in: readme, header: CatalogueTable.header)
        #expect(!rows.isEmpty, "README.md has no table headed \(CatalogueTable.header)")
        let byCode = Dictionary(rows.map { ($0.first ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for entry in CheckCatalogue.builtIn.entries {
            guard let row = byCode[entry.code] else {
                Issue.record("README.md's table of codes lacks \(entry.code); paste 'chatlab list codes' into it")
                continue
            }
            #expect(row == CatalogueTable.cells(entry), "README.md row of \(entry.code) differs from the catalogue")
        }
        #expect(Set(byCode.keys) == Set(CheckCatalogue.builtIn.codes), "README.md lists codes the catalogue lacks")
    }
}
