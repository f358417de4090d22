import Foundation
import Testing

@testable import AntreanServer

/// The committed generated code belongs to the committed contract: the document and generator
/// configuration it was generated from (embedded by scripts/openapi-generate.sh) equal the files in the
/// repository, so editing openapi.yaml without regenerating fails here, cheaply (the full regeneration
/// is `make openapi-check`). And the server answers that very document at /openapi.yaml.
@Suite("OpenAPI contract")
struct ServerContractTests {
    static let folder = ServeProcess.repositoryRoot.appendingPathComponent("Sources/AntreanServer")

    @Test func theGeneratedCodeWasMadeFromTheCommittedDocumentAndConfiguration() throws {
        let document = try String(contentsOf: Self.folder.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        let configuration = try String(
            contentsOf: Self.folder.appendingPathComponent("openapi-generator-config.yaml"), encoding: .utf8)
        #expect(openAPIDocumentText + "\n" == document, "openapi.yaml changed: run scripts/openapi-generate.sh")
        #expect(
            openAPIGeneratorConfigurationText + "\n" == configuration,
            "openapi-generator-config.yaml changed: run scripts/openapi-generate.sh")
    }

    /// Every operation of the document is either open (operational) or in some role; admin has them all.
    @Test func everyOperationIsGovernedByTheRoles() throws {
        let ids = openAPIDocumentText.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("operationId: ") ? String(trimmed.dropFirst("operationId: ".count)) : nil
        }
        #expect(ids.count == 19)
        for id in ids {
            let open = AccessMiddleware.openOperations.contains(id)
            #expect(open != ClientRole.admin.operations.contains(id), "\(id)")
        }
        let governed = ClientRole.allCases.reduce(into: Set<String>()) { $0.formUnion($1.operations) }
        #expect(governed.isSubset(of: Set(ids)))
    }

    @Test func theServerAnswersTheDocument() async throws {
        let server = try await TestServer()
        let reply = try await server.send(.GET, "/openapi.yaml")
        try await server.stop()
        #expect(reply.status == 200)
        #expect(reply.text == openAPIDocumentText)
        #expect(reply.headers["Content-Type"].first == "application/yaml")
    }
}
