import AntreanAllocator
import Synchronization

/// The live queue of each office and service today: who checked in (on time, late, or walked in) and has
/// not been called yet, in call order, and who was called last at each counter.
///
/// The allocator decides admission and keeps every check-in durable; the board only orders the citizens
/// it admitted: on time and walk-ins join the end, a late citizen is put behind `requeueAfterOthers`
/// others (as the allocator's rules say). Calls live in memory: after a restart the board is rebuilt from
/// the store's check-ins of today and the desk calls past anyone already served.
///
/// The estimated wait of a citizen with p others ahead is p × mean service time ÷ counters (each counter
/// serves one at a time; the M/G/c queue's mean when all counters are busy, Kleinrock 1975 §8).
final class QueueBoard: Sendable {
    struct Key: Hashable {
        var office: OfficeID
        var service: ServiceID
        var day: LocalDate
    }

    struct Line {
        var waiting: [BookingID] = []
        var nowServing: [BookingID] = []
    }

    struct Snapshot: Sendable {
        var nowServing: [BookingID]
        var waiting: Int
        var walkInWaitMinutes: Double
        /// Citizens ahead of the asked booking, when it waits in this line.
        var position: Int?
        var positionWaitMinutes: Double?
    }

    private let lines = Mutex<[Key: Line]>([:])
    /// Counters and mean minutes per office and service, from the configuration.
    private let staffing: [OfficeID: [ServiceID: (counters: Int, meanMinutes: Double)]]

    init(configuration: AllocatorConfiguration) {
        let means = Dictionary(configuration.services.map { ($0.id, $0.meanServiceMinutes) }) { first, _ in first }
        var staffing: [OfficeID: [ServiceID: (counters: Int, meanMinutes: Double)]] = [:]
        for office in configuration.offices {
            for service in office.services {
                staffing[office.id, default: [:]][service.service] = (
                    max(1, service.counters), means[service.service] ?? 0
                )
            }
        }
        self.staffing = staffing
    }

    /// Puts an admitted citizen in line: at the end, or behind `afterOthers` others when re-queued.
    /// O(n) for the insertion in a line of n.
    func admit(_ booking: BookingID, key: Key, requeuedAfter afterOthers: Int?) {
        lines.withLock { lines in
            var line = lines[key] ?? Line()
            line.waiting.removeAll { $0 == booking }
            if let afterOthers {
                line.waiting.insert(booking, at: min(max(0, afterOthers), line.waiting.count))
            } else {
                line.waiting.append(booking)
            }
            lines[key] = line
            lines = lines.filter { $0.key.day >= key.day }
        }
    }

    /// Calls the next waiting citizen, if any; they become the newest "now serving" entry.
    func callNext(_ key: Key) -> BookingID? {
        lines.withLock { lines in
            guard var line = lines[key], !line.waiting.isEmpty else { return nil }
            let next = line.waiting.removeFirst()
            line.nowServing.insert(next, at: 0)
            let counters = staffing[key.office]?[key.service]?.counters ?? 1
            if line.nowServing.count > counters { line.nowServing.removeLast(line.nowServing.count - counters) }
            lines[key] = line
            return next
        }
    }

    /// The line as displays show it, with `booking`'s place when it waits there. O(n) to find the place.
    func snapshot(_ key: Key, booking: BookingID? = nil) -> Snapshot {
        let line = lines.withLock { $0[key] } ?? Line()
        let minutesEach = minutesPerCitizen(key)
        let position = booking.flatMap { line.waiting.firstIndex(of: $0) }
        return Snapshot(
            nowServing: line.nowServing, waiting: line.waiting.count,
            walkInWaitMinutes: Double(line.waiting.count) * minutesEach, position: position,
            positionWaitMinutes: position.map { Double($0) * minutesEach })
    }

    /// Mean minutes one more citizen ahead adds: mean service time ÷ counters.
    func minutesPerCitizen(_ key: Key) -> Double {
        guard let staffing = staffing[key.office]?[key.service] else { return 0 }
        return staffing.meanMinutes / Double(staffing.counters)
    }
}
