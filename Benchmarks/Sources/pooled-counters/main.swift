// Pooled counters (docs/templates.md, "Pooled counters"), measured in a release build:
//   pooled-counters allocator [BOOKINGS]   bookings/s with per-service templates and with one pool
//   pooled-counters pauses [BOOKINGS]      the slowest single bookings when each carries an idempotency key
//   pooled-counters city A.yaml B.yaml [REPLICATIONS] [DAYS] [SEED]
//                                          paired booked and walk-in waits of two city scenarios
import AntreanAllocator
import AntreanCity
import AntreanEngine
import AntreanScenario
import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): every random choice flows from one seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 69 offices, each giving five services (means 8, 12, 15, 12 and 15 minutes) on 4 counters, 30-minute
/// intervals: either each service its own uniform template, or the five pooled.
func configuration(pooled: Bool) -> AllocatorConfiguration {
    let services = zip(["domicile", "sktm", "referral", "business", "moving"], [8.0, 12, 15, 12, 15]).map {
        ServiceConfig(id: ServiceID($0.0), meanServiceMinutes: $0.1)
    }
    let offices = (0..<69).map { index in
        OfficeConfig(
            id: OfficeID("office-\(index)"), kecamatan: KecamatanID("kec-\(index % 10)"),
            services: services.map { OfficeServiceConfig(service: $0.id, counters: 4) },
            walkInShare: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, 0.2) }),
            priorityShare: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, 0.1) }))
    }
    return AllocatorConfiguration(
        offices: offices, services: services,
        appointmentTemplates: pooled ? [] : [AppointmentTemplate(intervalMinutes: 30, places: .rule(.uniform))],
        appointmentPools: pooled ? [AppointmentPool(services: services.map(\.id), intervalMinutes: 30)] : [])
}

let signer = try QRTokenSigner(
    keyID: "bench", keyBytes: SecretText.decode("7c1fe134cffc0cd9fc6f76e8320e48f9f57ab09582da57c2b24dbb94b0d0fe7d"))
let bookedAt = OfficeTimeZone.wita.instant(on: LocalDate(year: 2026, month: 11, day: 22), minuteOfDay: 720)

/// Requests for exact slots (office, service, weekday, interval) over four weeks, drawn before timing.
func slotRequests(_ configuration: AllocatorConfiguration, count: Int) -> [SlotRef] {
    let first = LocalDate(year: 2026, month: 11, day: 23)
    var random = SplitMix(state: 7)
    return (0..<count).compactMap { _ in
        let date = first.adding(days: Int.random(in: 0..<28, using: &random))
        guard date.weekday != .saturday, date.weekday != .sunday else { return nil }
        let closes = date.weekday == .friday ? 12 : 16
        let interval = Int.random(in: 0..<closes, using: &random)
        return SlotRef(
            office: configuration.offices[Int.random(in: 0..<69, using: &random)].id,
            service: configuration.services[Int.random(in: 0..<5, using: &random)].id,
            start: OfficeTimeZone.wita.instant(on: date, minuteOfDay: 480 + 30 * interval))
    }
}

func allocatorRound(pooled: Bool, bookings: Int) throws -> (seconds: Double, accepted: Int) {
    let configuration = configuration(pooled: pooled)
    var core = try AllocatorCore(configuration: configuration, tokenSigner: signer, journalsChanges: false)
    let requests = slotRequests(configuration, count: bookings)
    var accepted = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for (number, slot) in requests.enumerated() {
        let citizen = Citizen(nikHash: NIKHash(syntheticCitizen: UInt64(number)))
        if case .success = core.book(slot, for: citizen, now: bookedAt) { accepted += 1 }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (seconds / Double(requests.count) * Double(bookings), accepted)
}

/// The longest single bookings of a run where every booking carries an idempotency key, as a portal's
/// do: each regrowth of a table the core keeps per booking shows as one slow booking (docs/allocator.md,
/// "Pauses"). Prints every booking slower than 2 ms and how many keys were held when it ran.
func pauses(bookings: Int) throws {
    let configuration = configuration(pooled: false)
    var core = try AllocatorCore(configuration: configuration, tokenSigner: signer, journalsChanges: false)
    let requests = slotRequests(configuration, count: bookings)
    let keys = requests.indices.map { "portal-\($0)-7c1fe134cffc0cd9fc6f76e832" }
    var accepted = 0
    var slow: [(milliseconds: Double, request: Int, keysHeld: Int)] = []
    let start = DispatchTime.now().uptimeNanoseconds
    for (number, slot) in requests.enumerated() {
        let citizen = Citizen(nikHash: NIKHash(syntheticCitizen: UInt64(number)))
        let before = DispatchTime.now().uptimeNanoseconds
        if case .success = core.book(slot, for: citizen, idempotencyKey: keys[number], now: bookedAt) { accepted += 1 }
        let nanoseconds = DispatchTime.now().uptimeNanoseconds - before
        if nanoseconds > 2_000_000 { slow.append((Double(nanoseconds) / 1e6, number, accepted)) }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("\(requests.count) requests, \(accepted) booked, \(Int(Double(requests.count) / seconds)) requests/s")
    for booking in slow {
        print(
            String(
                format: "request %d (%d keys held): %.1f ms", booking.request, booking.keysHeld,
                booking.milliseconds))
    }
}

func allocator(bookings: Int) throws {
    // Alternating rounds, so both see the same machine load; the best and the median of each.
    var times: [Bool: [Double]] = [false: [], true: []]
    var accepted: [Bool: Int] = [:]
    for _ in 0..<7 {
        for pooled in [false, true] {
            let round = try allocatorRound(pooled: pooled, bookings: bookings)
            times[pooled, default: []].append(round.seconds)
            accepted[pooled] = round.accepted
        }
    }
    for pooled in [false, true] {
        let sorted = (times[pooled] ?? []).sorted()
        let rates = [sorted[0], sorted[sorted.count / 2]].map { Double(bookings) / $0 }
        print(
            "\(pooled ? "pooled   " : "templates") best \(Int(rates[0])) bookings/s, median \(Int(rates[1]))"
                + " bookings/s (\(accepted[pooled] ?? 0) of \(bookings) requests accepted)")
    }
}

func city(_ paths: [String], replications: Int, days: Int, seed: UInt64) throws {
    var samples: [[MetricSample]] = []
    for path in paths {
        guard case .city(let scenario) = try Scenario.load(path: path) else {
            throw CityModelError("\(path): not a city")
        }
        samples.append(try CitySimulation(scenario.model).runReplications(replications, days: days, seed: seed))
    }
    let keys = [
        "overall.wait_minutes.booked", "overall.wait_minutes.booked.p90", "overall.wait_minutes.walk_in",
        "overall.wait_minutes.walk_in.p90", "overall.wait_minutes", "overall.bookings", "overall.booking_refused",
        "overall.served", "overall.counter_utilization",
    ]
    print("key: A = \(paths[0]), B = \(paths[1]); mean over \(replications) replications of \(days) days, seed \(seed)")
    for key in keys {
        let a = samples[0].map { $0[key] ?? .nan }
        let b = samples[1].map { $0[key] ?? .nan }
        let differences = zip(a, b).map { $1 - $0 }
        let n = Double(differences.count)
        let mean = differences.reduce(0, +) / n
        let variance = differences.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / max(n - 1, 1)
        // t(0.975) for the few replications used here (df 1…9, then 30), else 1.96.
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262]
        let t = differences.count - 2 < table.count ? table[max(0, differences.count - 2)] : 1.96
        let half = t * (variance / n).squareRoot()
        let figures = [a.reduce(0, +) / n, b.reduce(0, +) / n, mean, half].map { String(format: "%.3f", $0) }
        print("\(key): A \(figures[0])  B \(figures[1])  B−A \(figures[2]) ± \(figures[3])")
    }
}

let arguments = CommandLine.arguments
switch arguments.dropFirst().first {
case "allocator":
    try allocator(bookings: arguments.count > 2 ? Int(arguments[2]) ?? 200_000 : 200_000)
case "pauses":
    try pauses(bookings: arguments.count > 2 ? Int(arguments[2]) ?? 800_000 : 800_000)
case "city" where arguments.count >= 4:
    try city(
        [arguments[2], arguments[3]], replications: arguments.count > 4 ? Int(arguments[4]) ?? 5 : 5,
        days: arguments.count > 5 ? Int(arguments[5]) ?? 60 : 60,
        seed: arguments.count > 6 ? UInt64(arguments[6]) ?? 1 : 1)
default:
    print(
        "usage: pooled-counters allocator [BOOKINGS] | pauses [BOOKINGS]"
            + " | city A.yaml B.yaml [REPLICATIONS] [DAYS] [SEED]")
}
