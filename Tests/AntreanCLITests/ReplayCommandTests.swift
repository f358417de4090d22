import Foundation
import Testing

@Suite struct ReplayCommandTests {
    static func temporaryFile(_ name: String, _ contents: String = "") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-replay-\(UUID().uuidString)-\(name)")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func decisions(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Replays `trace` (saved as `name`) against the bundled replay config into a fresh store.
    static func replay(_ trace: String, name: String) throws -> AntreanProcess.Result {
        let requests = try temporaryFile(name, trace)
        let store = try temporaryFile("store.sqlite")
        try FileManager.default.removeItem(at: store)
        defer { for url in [requests, store] { try? FileManager.default.removeItem(at: url) } }
        return try AntreanProcess.run([
            "replay", requests.path, "--config", "Simulations/replay/config.json", "--store", store.path,
        ])
    }

    @Test func malformedLinesAreReportedWithTheirNumberAndGoodLinesContinue() throws {
        let trace = """
            {"op":"book","id":"a","at":"2026-11-22T12:00:00+08:00","nik":"6472011204850003","office":"kel-sidodadi","service":"ktp"}
            {"op":"book", "id":
            {"op":"teleport","id":"c","at":"2026-11-22T12:00:00+08:00"}

            {"op":"book","id":"d","at":"yesterday","nik":"6472011204850003","office":"kel-sidodadi","service":"ktp"}
            {"op":"cancel","id":"e","at":"2026-11-22T12:01:00Z"}
            {"op":"book","id":"f","at":"2026-11-22T12:02:00+08:00","nik":"3578015203990001","office":"kel-sidodadi","service":"ktp"}
            """
        let result = try Self.replay(trace, name: "trace.jsonl")
        #expect(result.status == 0)
        let lines = try Self.decisions(result.standardOutput)
        #expect(lines.count == 7)  // six non-blank lines and the summary
        #expect(lines.map { $0["line"] as? Int } == [1, 2, 3, 5, 6, 7, nil])
        #expect(lines[0]["ok"] as? Bool == true && lines[5]["ok"] as? Bool == true)
        for index in 1...4 { #expect(lines[index]["reason"] as? String == "malformed") }
        #expect((lines[2]["message"] as? String)?.contains("op: unknown 'teleport'") == true)
        #expect((lines[3]["message"] as? String)?.contains("at: expected ISO 8601") == true)
        #expect((lines[4]["message"] as? String)?.contains("booking or booking_ref") == true)
        for number in [2, 3, 5, 6] {
            #expect(result.standardError.contains("trace.jsonl:\(number): malformed request"))
        }
        let summary = try #require(lines[6]["summary"] as? [String: Any])
        #expect(
            summary["malformed"] as? Int == 4 && summary["accepted"] as? Int == 2
                && summary["bookings_in_store"] as? Int == 2)
    }

    /// A configuration that breaks a rule is bad input data: exit status 65.
    @Test func badConfigurationNamesTheFieldAndExitsWith65() throws {
        let config = try Self.temporaryFile(
            "config.json", #"{"offices": [], "services": [{"id": "ktp"}], "nikPepper": "x", "tokenKeys": []}"#)
        let requests = try Self.temporaryFile("empty.jsonl")
        defer { for url in [config, requests] { try? FileManager.default.removeItem(at: url) } }
        let result = try AntreanProcess.run([
            "replay", requests.path, "--config", config.path, "--store", "/tmp/unused-\(UUID().uuidString)",
        ])
        #expect(result.status == 65)
        #expect(result.standardError.contains("services[0].meanServiceMinutes: missing"))
    }

    @Test func deskCheckInNeedsTheBookingsOwnNIK() throws {
        let trace = """
            {"op":"book","id":"a","at":"2026-11-22T12:00:00+08:00","nik":"6472011204850003","office":"kel-sidodadi","service":"ktp","slot":"2026-11-23T08:00:00+08:00"}
            {"op":"desk_check_in","id":"b","at":"2026-11-23T07:55:00+08:00","booking_ref":"a","nik":"3578015203990001","office":"kel-sidodadi"}
            {"op":"desk_check_in","id":"c","at":"2026-11-23T07:56:00+08:00","booking_ref":"a","nik":"6472011204850003","office":"kel-sidodadi"}
            {"op":"desk_check_in","id":"d","at":"2026-11-23T07:57:00+08:00","booking_ref":"a","nik":"6472011204850003","office":"kel-sidodadi"}
            """
        let result = try Self.replay(trace, name: "desk.jsonl")
        #expect(result.status == 0)
        let lines = try Self.decisions(result.standardOutput)
        #expect(lines.count == 5)
        #expect(lines[0]["ok"] as? Bool == true)
        #expect(lines[1]["reason"] as? String == "not_owner")
        #expect(lines[2]["ok"] as? Bool == true && lines[2]["timing"] as? String == "on_time")
        #expect(lines[2]["state"] as? String == "checked_in")
        #expect(lines[3]["reason"] as? String == "booking_not_active")
    }
}
