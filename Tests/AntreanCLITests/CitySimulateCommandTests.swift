import Foundation
import Testing

/// `antrean simulate` and `antrean validate` on the bundled city and its what-if variants.
@Suite("antrean simulate (city)")
struct CitySimulateCommandTests {
    @Test func jsonReportHasTheCityOfficesAndKecamatan() throws {
        let result = try AntreanProcess.run([
            "simulate", "Simulations/samarinda.yaml", "--days", "3", "--replications", "2", "--format", "json",
        ])
        try #require(result.status == 0, "\(result.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let overall = try #require(json["overall"] as? [String: Any])
        let served = try #require((overall["served"] as? [String: Any])?["mean"] as? Double)
        #expect(served > 0)
        #expect((overall["served"] as? [String: Any])?["ci95"] is [Double])
        #expect((overall["wait_minutes"] as? [String: Any])?["mean"] is Double)
        let offices = try #require(json["offices"] as? [String: Any])
        #expect(offices.count == 70)
        let mpp = try #require(offices["mpp"] as? [String: Any])
        #expect(((mpp["served"] as? [String: Any])?["mean"] as? Double ?? 0) > 0)
        #expect((json["kecamatan"] as? [String: Any])?.count == 10)
        let run = try #require(json["run"] as? [String: Any])
        #expect(run["replications"] as? Int == 2)
        #expect(run["model"] as? String == "city")
        #expect((run["settings"] as? [String: String])?["days"] == "3")
    }

    @Test func tableListsEveryOffice() throws {
        let result = try AntreanProcess.run([
            "simulate", "Simulations/samarinda.yaml", "--days", "1", "--replications", "1", "--format", "table",
        ])
        try #require(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        func rows(ofKind kind: String) -> Int { lines.filter { $0.contains("  \(kind)  ") }.count }
        #expect(rows(ofKind: "kelurahan") == 59)
        #expect(rows(ofKind: "mpp") == 1)
        // Ten kecamatan offices and the ten kecamatan totals.
        #expect(rows(ofKind: "kecamatan") == 20)
        for name in ["Mal Pelayanan Publik Samarinda", "Kecamatan Palaran", "Rawa Makmur", "Budaya Pampang"] {
            #expect(result.standardOutput.contains(name), "\(name) missing")
        }
        #expect(result.standardOutput.contains("All offices"))
    }

    @Test(arguments: ["samarinda.yaml", "samarinda-digital-days-off.yaml", "samarinda-walk-in-only.yaml"])
    func bundledCityScenariosValidate(file: String) throws {
        let result = try AntreanProcess.run(["validate", "Simulations/\(file)"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("OK"))
        #expect(result.standardOutput.contains("70 offices (59 kelurahan, 10 kecamatan, 1 mpp)"))
    }
}
