public import AntreanAllocator
import Foundation

/// The allocator the replay and store targets run on: the offices, services and rules of
/// Simulations/replay/config.json (kept in step by hand; the seed corpus uses its ids), with fixed random
/// secrets instead of its placeholders.
public enum FuzzAllocatorFixture {
    private struct Document: Decodable {
        var offices: [OfficeConfig]
        var services: [ServiceConfig]
        var rules: AllocatorRules
    }

    private static let json = """
        {
          "offices": [
            {
              "id": "kel-sidodadi", "kecamatan": "samarinda-ulu",
              "services": [{"service": "ktp", "counters": 2}, {"service": "kk", "counters": 1}],
              "walkInShare": {"monday": 0.4, "tuesday": 0.2, "wednesday": 0.2, "thursday": 0.2, "friday": 0.4},
              "priorityShare": {"monday": 0.1, "tuesday": 0.1, "wednesday": 0.1, "thursday": 0.1, "friday": 0.1},
              "positionKm": {"x": 0, "y": 0}
            },
            {
              "id": "kel-air-hitam", "kecamatan": "samarinda-ulu",
              "services": [{"service": "ktp", "counters": 2}],
              "walkInShare": {"monday": 0.25, "friday": 0.25},
              "positionKm": {"x": 2.5, "y": 1}
            },
            {
              "id": "kel-sungai-pinang-dalam", "kecamatan": "sungai-pinang",
              "openingHours": {"monday": {"opensAtMinute": 480, "closesAtMinute": 960}},
              "services": [{"service": "ktp", "counters": 1}],
              "closedDates": ["2026-11-30"],
              "positionKm": {"x": 6, "y": 3}
            }
          ],
          "services": [
            {"id": "ktp", "meanServiceMinutes": 10},
            {"id": "kk", "meanServiceMinutes": 15, "dailyQuota": 20}
          ],
          "rules": {
            "slotMinutes": 15, "bookingHorizonDays": 30, "holdSeconds": 300, "maxActiveBookingsPerNIK": 2,
            "maxBookingsPerAccountPerWindow": 5, "accountWindowSeconds": 86400, "maxReschedules": 2,
            "checkInOpensMinutesBefore": 30, "graceMinutesAfter": 15, "requeueAfterOthers": 5,
            "holidays": ["2026-12-25"], "utcOffsetHours": 8
          }
        }
        """

    /// Decoded once per process; a fixture that does not decode is a bug of this file, reported at start.
    public static let configuration: AllocatorConfiguration = {
        do {
            let document = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
            return AllocatorConfiguration(offices: document.offices, services: document.services, rules: document.rules)
        } catch {
            fatalError("FuzzAllocatorFixture: \(error)")
        }
    }()

    public static let officeIDs = ["kel-sidodadi", "kel-air-hitam", "kel-sungai-pinang-dalam"]
    public static let serviceIDs = ["ktp", "kk"]
    /// Monday 2026-11-23 08:00 WITA, the first slot of the seed corpus.
    public static let firstSlot = Instant(secondsSinceEpoch: 1_795_392_000)

    /// 32 fixed random bytes (not a placeholder: the allocator may refuse those).
    public static let tokenKey: [UInt8] = Array("9f1c2e7a4b6d8053c1e9a7f2b4d60e38".utf8)
    public static let pepper: [UInt8] = Array("5d83a0c6f1b9e24778c3d5a19e0f6b2c".utf8)

    public static var tokenSigner: QRTokenSigner { QRTokenSigner(keyID: "fuzz1", keyBytes: tokenKey) }
    public static var nikHasher: NIKHasher { NIKHasher(pepperBytes: pepper) }

    /// A fresh allocator on `store`, its clock at the epoch (request lines carry their own times).
    public static func allocator(
        store: any AllocatorStore, policy: any AllocationPolicy = HomeOfficeEarliestPolicy()
    ) throws(RestoreError) -> Allocator {
        try Allocator(
            configuration: configuration, policy: policy, tokenSigner: tokenSigner, nikHasher: nikHasher, store: store,
            clock: ManualClock(Instant(secondsSinceEpoch: 0)))
    }
}
