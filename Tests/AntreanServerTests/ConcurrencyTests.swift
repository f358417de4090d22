import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanServer
import Foundation
import Testing

/// Many clients racing for the last places of one slot (issue 19): exactly the capacity is sold, every
/// 2xx booking is in the store (reopened from disk), and no NIK holds more than the rules allow.
@Suite("concurrent booking")
struct ConcurrencyTests {
    /// Clients in the race: 200 by default, ANTREAN_RACE_CLIENTS (e.g. 1000) for the figure.
    static var clients: Int {
        ProcessInfo.processInfo.environment["ANTREAN_RACE_CLIENTS"].flatMap(Int.init).map { min(max($0, 10), 5000) }
            ?? 200
    }

    @Test func racingClientsSellExactlyTheCapacity() async throws {
        var settings = AntreanHTTPServer.Settings()
        settings.keyRate = .init(ratePerSecond: 1_000_000, burst: 1_000_000)
        settings.accountRate = .init(ratePerSecond: 1_000_000, burst: 1_000_000)
        let clients = Self.clients
        let server = try await TestServer(slotCapacity: 10, settings: settings, connections: clients)
        let start = "2026-11-24T09:00:00+08:00"
        // The slot's online places (10 − 20% walk-in − 10% priority).
        let grid = try await server.send(.GET, "/v1/offices/kel-a/grid?service=ktp&date=2026-11-24", role: .admin)
        let slots = try #require(grid.json["slots"] as? [[String: Any]])
        let slot = try #require(slots.first { $0["start"] as? String == start })
        let online = try #require((slot["remaining"] as? [String: Any])?["online"] as? Int)
        #expect(online > 0)
        // Every third client reuses an earlier NIK, asking for the same slot: at most one per NIK per slot
        // and two active per NIK may succeed.
        let outcomes = try await withThrowingTaskGroup(of: (nik: Int, status: Int, code: String?).self) { group in
            for client in 0..<clients {
                let nik = client % 3 == 2 ? client - 1 : client + 1
                group.addTask {
                    let reply = try await server.send(
                        .POST, "/v1/bookings", role: .portal,
                        json: ["nik": TestServer.nik(nik), "service": "ktp", "office": "kel-a", "start": start],
                        idempotencyKey: "race-\(client)")
                    return (nik, reply.status, reply.json["code"] as? String)
                }
            }
            var outcomes: [(nik: Int, status: Int, code: String?)] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        let sold = outcomes.filter { $0.status == 201 }
        #expect(sold.count == online)
        #expect(outcomes.allSatisfy { [201, 409].contains($0.status) }, "\(Set(outcomes.map(\.status)))")
        #expect(Dictionary(grouping: sold, by: \.nik).values.allSatisfy { $0.count <= 2 })
        try await server.stop()

        // Reopened from disk: the store holds exactly the answered bookings.
        let reopened = try SQLiteAllocatorStore(path: server.storePath)
        let records = try reopened.loadBookings()
        reopened.close()
        #expect(Set(records.map { String($0.id.rawValue) }) == Set(sold.compactMap(\.code)))
        #expect(records.count == sold.count)
    }
}
