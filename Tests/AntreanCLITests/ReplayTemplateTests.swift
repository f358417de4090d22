import Foundation
import Testing

/// `antrean replay` with appointment templates in its configuration: decisions carry each booking's
/// own minute, and the desk's check-in window counts from it.
@Suite struct ReplayTemplateTests {
    @Test func decisionsCarryTheAppointmentMinuteAndCheckInCountsFromIt() throws {
        let config = try ReplayCommandTests.bundledConfigWithSecrets()
        defer { try? FileManager.default.removeItem(at: config.deletingLastPathComponent()) }
        var json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: config)) as? [String: Any])
        // 6 places per 20 minutes on Mondays: 2 walk-in (40%), 1 priority (10%), 3 online at 0, 3 and 6 min.
        json["appointmentTemplates"] = [
            [
                "office": "kel-sidodadi", "service": "ktp", "weekdays": ["monday"], "intervalMinutes": 20,
                "places": Array(repeating: 6, count: 24),
            ]
        ]
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        let niks = ["6472011204850003", "3578015203990001", "6472015506910002"]
        var trace = niks.enumerated().map { index, nik in
            #"{"op":"book","id":"b\#(index)","at":"2026-11-22T12:00:00+08:00","nik":"\#(nik)","office":"kel-sidodadi","service":"ktp","slot":"2026-11-23T08:00:00+08:00"}"#
        }
        trace += [
            #"{"op":"desk_check_in","id":"early","at":"2026-11-23T07:35:00+08:00","booking_ref":"b2","nik":"6472015506910002","office":"kel-sidodadi"}"#,
            #"{"op":"desk_check_in","id":"ok","at":"2026-11-23T07:37:00+08:00","booking_ref":"b2","nik":"6472015506910002","office":"kel-sidodadi"}"#,
        ]
        let requests = try ReplayCommandTests.temporaryFile("templates.jsonl", trace.joined(separator: "\n"))
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-\(UUID()).sqlite")
        defer { for url in [requests, store] { try? FileManager.default.removeItem(at: url) } }
        let result = try AntreanProcess.run(["replay", requests.path, "--config", config.path, "--store", store.path])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try ReplayCommandTests.decisions(result.standardOutput)
        #expect(lines.count == 6)
        #expect(lines[0]["ok"] as? Bool == true && lines[0]["appointment"] == nil)
        #expect(lines[1]["appointment"] as? String == "2026-11-23T00:03:00Z")
        #expect(lines[2]["appointment"] as? String == "2026-11-23T00:06:00Z")
        #expect(lines[2]["slot"] as? String == "2026-11-23T00:00:00Z")
        // Check-in opens 30 minutes before 08:06, not before the interval's 08:00.
        #expect(lines[3]["reason"] as? String == "too_early_to_check_in")
        #expect(lines[4]["timing"] as? String == "on_time")
    }
}

/// A configuration's errors name the file, the line and column, and the field, whether the JSON does
/// not decode or a template breaks a rule (the scenario loader's form, `file:line:column: field: …`).
@Suite struct ReplayConfigurationErrorTests {
    @Test func templateErrorsNameTheLineOfTheField() throws {
        let config = try ReplayCommandTests.bundledConfigWithSecrets()
        defer { try? FileManager.default.removeItem(at: config.deletingLastPathComponent()) }
        var json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: config)) as? [String: Any])
        let requests = try ReplayCommandTests.temporaryFile("none.jsonl", "")
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-\(UUID()).sqlite")
        defer { for url in [requests, store] { try? FileManager.default.removeItem(at: url) } }
        // The second template is 3 intervals long on a day of 24: a rule, found after decoding; then a
        // string where the places go: a decoding error.
        for (places, message) in [([6, 6, 6], "3 entries for the 24 intervals"), ("many", "expected Array")]
            as [(Any, String)]
        {
            json["appointmentTemplates"] = [
                [
                    "office": "kel-sidodadi", "service": "ktp", "weekdays": ["monday"], "intervalMinutes": 20,
                    "places": Array(repeating: 6, count: 24),
                ],
                [
                    "office": "kel-sidodadi", "service": "ktp", "weekdays": ["tuesday"], "intervalMinutes": 20,
                    "places": places,
                ],
            ]
            let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: config)
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let placesLines = lines.indices.filter { lines[$0].contains("\"places\"") }
            let line = try #require(placesLines.last) + 1
            let column = try #require(lines[line - 1].firstIndex(of: ":")).utf16Offset(in: lines[line - 1]) + 3
            let result = try AntreanProcess.run([
                "replay", requests.path, "--config", config.path, "--store", store.path,
            ])
            #expect(result.status == 65, "\(result.standardError)")
            #expect(
                result.standardError.contains(
                    "\(config.path):\(line):\(column): appointmentTemplates[1].places: \(message)"),
                "\(result.standardError)")
        }
    }
}
