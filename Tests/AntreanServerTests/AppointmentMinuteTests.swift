import AntreanAllocator
import Foundation
import Testing

/// Issue 18: each booking gets its own appointment minute where a template spreads a slot's places,
/// carried by the booking — so the HTTP answer a portal shows the citizen names that minute.
@Suite("Appointment minutes over HTTP")
struct AppointmentMinuteTests {
    /// kel-a's ktp on Mondays (08:00–16:00): 10 places in each 15-minute interval (2 walk-in, 1
    /// priority, 7 online), so place k of an interval is told ⌊k·15/10⌋ minutes after its start
    /// (docs/templates.md).
    static let template = AppointmentTemplate(
        office: OfficeID("kel-a"), service: ServiceID("ktp"), weekdays: [.monday], intervalMinutes: 15,
        places: .explicit(Array(repeating: 10, count: 32)))

    @Test func aBookingAnswersItsOwnAppointmentMinute() async throws {
        let server = try await TestServer(templates: [Self.template])
        var answers: [[String: Any]] = []
        for citizen in 1...3 {
            let reply = try await server.send(
                .POST, "/v1/bookings", role: .portal,
                json: [
                    "nik": TestServer.nik(citizen), "service": "ktp", "office": "kel-a",
                    "start": "2026-11-23T08:00:00+08:00",
                ],
                idempotencyKey: "minute-\(citizen)")
            #expect(reply.status == 201, "\(reply.text)")
            answers.append(reply.json)
        }
        // Every place is in the 08:00 slot; the first keeps the slot's start, the others get 08:01, 08:03.
        #expect(answers.map { $0["start"] as? String } == Array(repeating: "2026-11-23T08:00:00+08:00", count: 3))
        #expect(answers[0]["appointment"] == nil)
        #expect(answers[1]["appointment"] as? String == "2026-11-23T08:01:00+08:00")
        #expect(answers[2]["appointment"] as? String == "2026-11-23T08:03:00+08:00")
        // Read back, the booking says the same.
        let code = try #require(answers[2]["code"] as? String)
        let read = try await server.send(.GET, "/v1/bookings/\(code)", role: .desk)
        #expect(read.json["appointment"] as? String == "2026-11-23T08:03:00+08:00")
        // kel-b has no template: its answer has no appointment field at all (the bytes of before).
        let plain = try await server.send(
            .POST, "/v1/bookings", role: .portal,
            json: [
                "nik": TestServer.nik(9), "service": "ktp", "office": "kel-b", "start": "2026-11-23T08:00:00+08:00",
            ],
            idempotencyKey: "plain")
        #expect(plain.status == 201 && !plain.text.contains("appointment"))
        try await server.stop()
    }
}
