import AntreanAllocator
import Testing

/// `earliestSlot` is the allocation-free form of `availability(…, limit: 1).first` that placement uses:
/// the two must agree on every office, pool and start time, whatever is already booked.
@Suite struct EarliestSlotTests {
    @Test func agreesWithAvailabilityWhileTheDaysFillUp() {
        var core = Fixture.core()
        var generator = SplitMix64(seed: 11)
        let offices = [Fixture.a1, Fixture.a2, Fixture.b1]
        var compared = 0
        for round in 0..<400 {
            // Fill Monday and Tuesday unevenly, then ask from a spread of start times.
            let office = offices[Int(generator.next() % 3)]
            let date = generator.next() % 2 == 0 ? Fixture.monday : Fixture.tuesday
            let minute = 480 + 15 * Int(generator.next() % 32)
            _ = core.book(
                Fixture.slot(office, on: date, minute: minute), for: Fixture.citizen(round, priority: round % 5 == 0),
                now: Fixture.sundayNoon)
            let from = Fixture.sundayNoon.adding(minutes: Int(generator.next() % (3 * 1440)))
            for candidate in offices {
                for isPriority in [false, true] {
                    let fast = core.earliestSlot(
                        service: Fixture.ktp, office: candidate, isPriority: isPriority, from: from,
                        now: Fixture.sundayNoon)
                    let listed = core.availability(
                        service: Fixture.ktp, offices: [candidate], isPriority: isPriority, from: from, limit: 1,
                        now: Fixture.sundayNoon
                    ).first
                    #expect(fast == listed)
                    compared += 1
                }
            }
        }
        #expect(compared == 2400)
        #expect(
            core.earliestSlot(
                service: ServiceID("none"), office: Fixture.a1, from: Fixture.sundayNoon, now: Fixture.sundayNoon)
                == nil)
    }
}
