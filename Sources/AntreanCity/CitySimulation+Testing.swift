import AntreanAllocator
import AntreanEngine

/// What a capacity audit of one replication found (for tests, through `@testable import`).
struct CapacityAudit {
    /// One pool of one slot holding more places than the slot plan gives it.
    struct Overflow: CustomStringConvertible {
        var slot: String
        var pool: CapacityPool
        var used: Int
        var capacity: Int
        var description: String { "\(slot) \(pool.rawValue): \(used) places taken of \(capacity)" }
    }

    var sample = MetricSample()
    var overflows: [Overflow] = []
    /// The allocator's own `invariantViolations()` at the end of the run.
    var invariantViolations: [String] = []
    /// New bookings whose slot was recounted right after they were made.
    var bookingsChecked = 0
    /// Recounts that found the new booking's pool filled to its last place: the limit was reached.
    var poolsFilled = 0
}

extension CitySimulation {
    /// Runs replication `replication` as `run(days:seed:replication:)` does, and after every event that
    /// made bookings recounts, from the allocator's booking records, the places taken in each new
    /// booking's slot and pool, against the slot plan derived from the allocator's configuration (not
    /// from the allocator's ledgers; an overbooking policy's online limit comes from the policy).
    /// The city never holds or reschedules, and a released or cancelled place is never taken back, so
    /// a place is only ever taken by a new booking: checking each new booking's slot when it is made
    /// sees every moment a slot could overflow. The allocator's own invariant check runs once at the
    /// end (it is O(bookings)). The event loop mirrors `CityRun.simulate()`; `auditedRunIsTheOrdinaryRun`
    /// in the tests checks that the two stay the same.
    func auditCapacity(days: Int, seed: UInt64, replication: Int) -> CapacityAudit {
        struct SlotKey: Hashable {
            var office: OfficeID
            var service: ServiceID
            var start: Instant
        }
        struct DayKey: Hashable {
            var office: OfficeID
            var service: ServiceID
            var date: LocalDate
        }
        var run = CityRun(plans: plans, model: model, days: days, seed: seed, replication: replication)
        let configuration = run.allocator.configuration
        let zone = run.allocator.rules.timeZone
        // The overbooking policy may book more online places than the plan has, up to its own limit.
        let policy = try? model.allocationPolicy()
        var audit = CapacityAudit()
        var slots: [SlotKey: [BookingID]] = [:]
        var plans: [DayKey: DayPlan?] = [:]
        var known = run.allocator.bookingCount
        _ = run.simulation.schedule(.dayStart(0), at: 0)
        while let (time, event) = run.simulation.next(until: Double(run.totalDays) * 1440) {
            run.handle(event, at: time)
            let count = run.allocator.bookingCount
            guard count > known else { continue }
            for number in (known + 1)...count {
                guard let booking = run.allocator.booking(BookingID(UInt64(number))) else { continue }
                let key = SlotKey(office: booking.office, service: booking.service, start: booking.slotStart)
                slots[key, default: []].append(booking.id)
                audit.bookingsChecked += 1
                let label = "\(key.office)/\(key.service)/\(zone.localDate(of: key.start)) slot \(key.start)"
                let day = DayKey(office: key.office, service: key.service, date: zone.localDate(of: key.start))
                if plans[day] == nil {
                    plans[day] = configuration.dayPlan(office: day.office, service: day.service, date: day.date)
                }
                guard let plan = plans[day] ?? nil, let index = plan.slotIndex(startingAt: key.start)
                else {
                    audit.overflows.append(
                        .init(slot: label + " (not in the slot plan)", pool: booking.pool, used: 1, capacity: 0))
                    continue
                }
                let used = slots[key]!.compactMap { run.allocator.booking($0) }
                    .filter { $0.state.occupiesCapacity && $0.pool == booking.pool }.count
                var capacity = plan.slots[index][booking.pool]
                // An appointment template's extra places are online ones, beyond the policy's.
                let extra = booking.pool == .online && index < plan.overbook.count ? plan.overbook[index] : 0
                if booking.pool == .online, let policy {
                    capacity = max(
                        capacity,
                        policy.bookableOnlineCapacity(
                            capacity, office: key.office, weekday: zone.localDate(of: key.start).weekday))
                }
                capacity += extra
                if used > capacity {
                    audit.overflows.append(.init(slot: label, pool: booking.pool, used: used, capacity: capacity))
                } else if used == capacity {
                    audit.poolsFilled += 1
                }
            }
            known = count
        }
        audit.invariantViolations = run.allocator.invariantViolations()
        audit.sample = run.metrics()
        return audit
    }
}
