import Foundation
import Testing

@Suite("antrean validate")
struct ValidateCommandTests {
    @Test(arguments: ["mm1.yaml", "mm5.yaml", "md1.yaml", "mg1-lognormal.yaml"])
    func validationScenariosAreValid(file: String) throws {
        let result = try AntreanProcess.run(["validate", "Simulations/validation/\(file)"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("OK"))
    }

    @Test func cityScenarioIsSummarised() throws {
        let result = try AntreanProcess.run(["validate", "Simulations/samarinda.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("70 offices (59 kelurahan, 10 kecamatan, 1 mpp)"))
        #expect(result.standardOutput.contains("policy home-earliest, check-in by booking_reference"))
    }

    @Test func brokenScenarioNamesFileLineAndField() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.yaml")
        try """
        include: \(AntreanProcess.repositoryRoot.path)/Simulations/validation/mm5.yaml
        queues:
          counters:
            service: exponential(mean=-1m)
        """.write(to: broken, atomically: true, encoding: .utf8)
        let result = try AntreanProcess.run(["validate", broken.path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("broken.yaml:4:"), "\(result.standardError)")
        #expect(result.standardError.contains("queues.counters.service"))
        #expect(result.standardError.contains("positive"))
    }
}
