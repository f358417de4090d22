public import AntreanAllocator
import Foundation

/// The allocator the replay and store targets run on: the offices, services and rules of
/// Simulations/replay/config.json (kept in step by hand; the seed corpus uses its ids), with fixed random
/// secrets instead of its placeholders, two appointment templates (kel-air-hitam's ktp in 10-minute
/// Bailey–Welch intervals, kel-sidodadi's kk on Mondays in 20-minute dome intervals) so that individual
/// appointment minutes are fuzzed too, and a pool of counter-minutes (kel-sungai-pinang-dalam's ktp in
/// 15-minute intervals, each booking 25 minutes long, so that it runs into the next intervals, and the
/// office's one counter on a break 12:00–13:00) so that the pooled day timeline is fuzzed.
public enum FuzzAllocatorFixture {
    private struct Document: Decodable {
        var offices: [OfficeConfig]
        var services: [ServiceConfig]
        var rules: AllocatorRules
        var appointmentTemplates: [AppointmentTemplate]
        var appointmentPools: [AppointmentPool]
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
              "breaks": {"monday": [{"counters": 1, "startMinute": 720, "endMinute": 780}]},
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
          },
          "appointmentTemplates": [
            {"office": "kel-air-hitam", "service": "ktp", "intervalMinutes": 10, "rule": "bailey_welch"},
            {"office": "kel-sidodadi", "service": "kk", "weekdays": ["monday"], "intervalMinutes": 20, "rule": "dome"}
          ],
          "appointmentPools": [
            {"office": "kel-sungai-pinang-dalam", "services": ["ktp"], "intervalMinutes": 15, "serviceMinutes": {"ktp": 25}}
          ]
        }
        """

    /// Decoded once per process; a fixture that does not decode is a bug of this file, reported at start.
    public static let configuration: AllocatorConfiguration = {
        do {
            let document = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
            return AllocatorConfiguration(
                offices: document.offices, services: document.services, rules: document.rules,
                appointmentTemplates: document.appointmentTemplates, appointmentPools: document.appointmentPools)
        } catch {
            fatalError("FuzzAllocatorFixture: \(error)")
        }
    }()

    public static let officeIDs = ["kel-sidodadi", "kel-air-hitam", "kel-sungai-pinang-dalam"]
    public static let serviceIDs = ["ktp", "kk"]
    /// Monday 2026-11-23 08:00 WITA, the first slot of the seed corpus.
    public static let firstSlot = Instant(secondsSinceEpoch: 1_795_392_000)

    /// 32 fixed random bytes each (not placeholders or low-entropy text, which the allocator may refuse).
    public static let tokenKey: [UInt8] = [
        0x9f, 0x1c, 0x2e, 0x7a, 0x4b, 0x6d, 0x80, 0x53, 0xc1, 0xe9, 0xa7, 0xf2, 0xb4, 0xd6, 0x0e, 0x38,
        0xa5, 0x17, 0x4c, 0x9b, 0xe2, 0x0d, 0x63, 0xf8, 0x81, 0x7a, 0xb4, 0xc0, 0x5e, 0x9d, 0x2f, 0x63,
    ]
    public static let pepper: [UInt8] = [
        0x5d, 0x83, 0xa0, 0xc6, 0xf1, 0xb9, 0xe2, 0x47, 0x78, 0xc3, 0xd5, 0xa1, 0x9e, 0x0f, 0x6b, 0x2c,
        0x04, 0xe7, 0xb8, 0x51, 0x9a, 0xcf, 0x33, 0x62, 0xd0, 0x1e, 0x9a, 0x7c, 0x45, 0xb8, 0xf2, 0xe6,
    ]

    public static let tokenSigner: QRTokenSigner = {
        do { return try QRTokenSigner(keyID: "fuzz1", keyBytes: tokenKey) } catch {
            fuzzFailure("the fixture's token key is refused: \(error)")
        }
    }()
    public static let nikHasher: NIKHasher = {
        do { return try NIKHasher(pepperBytes: pepper) } catch {
            fuzzFailure("the fixture's pepper is refused: \(error)")
        }
    }()

    /// A fresh allocator on `store`, its clock at the epoch (request lines carry their own times).
    public static func allocator(
        store: any AllocatorStore, policy: any AllocationPolicy = HomeOfficeEarliestPolicy()
    ) throws(RestoreError) -> Allocator {
        try Allocator(
            configuration: configuration, policy: policy, tokenSigner: tokenSigner, nikHasher: nikHasher, store: store,
            clock: ManualClock(Instant(secondsSinceEpoch: 0)))
    }
}
