import AntreanCity
import AntreanScenario
import Foundation
import Testing

/// The bundled city loads with all its offices; a broken variant is reported at its own line.
@Suite struct SamarindaLoadingTests {
    static let base = CityFixtures.simulation("samarinda.yaml")

    @Test func samarindaHasItsOfficesAndKecamatan() throws {
        let model = try CityFixtures.city(at: Self.base).model
        let byKind = Dictionary(grouping: model.offices, by: \.kind).mapValues(\.count)
        #expect(byKind[.kelurahan] == 59)
        #expect(byKind[.kecamatan] == 10)
        #expect(byKind[.mpp] == 1)
        #expect(model.kecamatan.count == 10)
        let kecamatanIds = Set(model.kecamatan.map(\.id))
        for office in model.offices {
            #expect(kecamatanIds.contains(office.kecamatanId), "\(office.id): unknown kecamatan \(office.kecamatanId)")
        }
        // Each kecamatan has its office and at least one kelurahan.
        for kecamatan in model.kecamatan {
            let offices = model.offices.filter { $0.kecamatanId == kecamatan.id }
            #expect(offices.filter { $0.kind == .kecamatan }.count == 1, "\(kecamatan.id)")
            #expect(offices.contains { $0.kind == .kelurahan }, "\(kecamatan.id)")
        }
        _ = try CitySimulation(model)
    }

    /// Writes `body` (after an include of samarinda.yaml) to a temporary file and loads it.
    static func loadVariant(_ body: String) throws -> (error: ScenarioError?, file: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-city-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.yaml").path
        try ("include: \(base)\n" + body).write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try Scenario.load(path: file)
            return (nil, file)
        } catch {
            return (error, file)
        }
    }

    @Test func negativeCountersAreReportedAtTheVariantsLine() throws {
        let (error, file) = try Self.loadVariant(
            """
            name: broken
            offices:
              sidodadi:
                counters: -1
            """)
        let found = try #require(error)
        #expect(found.file == file)
        #expect(found.line == 5)
        #expect(found.field == "offices.sidodadi.counters")
        #expect(found.message.contains("at least 1"))
        #expect(found.description.hasPrefix("\(file):5:"))
        #expect(found.description.contains("offices.sidodadi.counters"))
    }

    @Test func misspelledFieldIsReportedWithASuggestion() throws {
        let (error, file) = try Self.loadVariant(
            """
            citizens:
              no_show: 20%
              walk_in_patiense: exponential(mean=60m)
            """)
        let found = try #require(error)
        #expect(found.file == file)
        #expect(found.line == 4)
        #expect(found.field == "citizens.walk_in_patiense")
        #expect(found.description.contains("walk_in_patience"), "\(found)")
    }

    @Test func misspelledServiceIsReportedAtTheVariantsLine() throws {
        // A typo creates a new service without the fields a service needs.
        let (error, file) = try Self.loadVariant(
            """
            services:
              domicle_letter: { mpp_share: 50% }
            """)
        let found = try #require(error)
        #expect(found.file == file)
        #expect(found.line == 3)
        #expect(found.field.hasPrefix("services.domicle_letter"), "\(found)")
    }

    @Test func unknownCheckInMethodIsReportedWithTheChoices() throws {
        let (error, file) = try Self.loadVariant(
            """
            name: broken
            check_in: fingerprint
            """)
        let found = try #require(error)
        #expect(found.file == file)
        #expect(found.line == 3)
        #expect(found.field == "check_in")
        #expect(found.message.contains("qr_token or booking_reference"), "\(found)")
    }

    @Test func theBundledCityChecksInAtTheDeskAndAnOverrideCanSwitch() throws {
        #expect(try CityFixtures.city(at: Self.base).model.checkIn == .bookingReference)
        #expect(try CityFixtures.city(at: Self.base, overrides: ["check_in=qr_token"]).model.checkIn == .qrToken)
    }
}
