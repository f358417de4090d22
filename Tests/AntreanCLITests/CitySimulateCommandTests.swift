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
        // Each office says what it is, not only its id.
        #expect(mpp["name"] as? String == "Mal Pelayanan Publik Samarinda")
        #expect(mpp["kind"] as? String == "mpp")
        #expect(mpp["kecamatan"] as? String == "samarinda_kota")
        let bantuas = try #require(offices["bantuas"] as? [String: Any])
        #expect(bantuas["name"] as? String == "Bantuas")
        #expect(bantuas["kind"] as? String == "kelurahan")
        #expect(bantuas["kecamatan"] as? String == "palaran")
        // Little's law can be checked at every scope: time-average numbers in line and present.
        for key in ["queue_length", "in_system", "time_in_system_minutes", "counter_minutes"] {
            #expect(mpp[key] != nil, "offices.mpp.\(key) missing")
            #expect(overall[key] != nil, "overall.\(key) missing")
        }
        #expect((json["kecamatan"] as? [String: Any])?.count == 10)
        let run = try #require(json["run"] as? [String: Any])
        #expect(run["replications"] as? Int == 2)
        #expect(run["model"] as? String == "city")
        #expect((run["settings"] as? [String: String])?["days"] == "3")
    }

    /// `merge` on a city sweep shows the KPIs `simulate`'s city table shows, not only the wait and p90.
    @Test func mergeOfACitySweepShowsTheCityKPIs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-city-merge-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sweep = try AntreanProcess.run([
            "sweep", "Tests/AntreanCityTests/Fixtures/small-city.yaml", "--param", "run.days=2,3", "--replications",
            "2",
            "--out", directory.path,
        ])
        try #require(sweep.status == 0, "\(sweep.standardError)")
        let merge = try AntreanProcess.run(["merge", directory.path])
        try #require(merge.status == 0, "\(merge.standardError)")
        for key in [
            "overall.wait_minutes", "overall.wait_minutes.p90", "overall.served", "overall.no_shows",
            "overall.wait_within_target", "overall.slot_utilization", "overall.counter_utilization",
            "overall.overtime_minutes",
        ] {
            #expect(merge.standardOutput.contains(key), "\(key) missing from\n\(merge.standardOutput)")
        }
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
        // Counter time sold against counter time available, beside utilization.
        #expect(result.standardOutput.contains("util%  sold%"))
    }

    @Test(arguments: ["samarinda.yaml", "samarinda-digital-days-off.yaml", "samarinda-walk-in-only.yaml"])
    func bundledCityScenariosValidate(file: String) throws {
        let result = try AntreanProcess.run(["validate", "Simulations/\(file)"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("OK"))
        #expect(result.standardOutput.contains("70 offices (59 kelurahan, 10 kecamatan, 1 mpp)"))
    }
}
