import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import Testing

/// Each booking change that a citizen must hear about writes its event to the outbox, with the body a
/// subscriber receives; changes nobody is told about write none.
@Suite struct OutboxEventTests {
    typealias F = OutboxFixture

    struct Expected: Equatable, CustomStringConvertible {
        var type: BookingEventType
        var booking: UInt64
        var dueAt: Instant
        var description: String { "\(type.rawValue) #\(booking) due \(dueAt)" }
    }

    @Test func everyTransitionWritesItsEventsAndOnlyThose() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let clock = ManualClock(F.fridayNoon)
        let (allocator, store) = try F.open(path, clock: clock)
        let day: Int64 = 86_400
        let friday = F.fridayNoon
        var expected: [Expected] = []

        // Booked outright four days ahead: the event now, the reminder a day before the slot.
        let first = try await allocator.book(F.slot(minute: 480), for: F.citizen(1)).get().booking
        expected += [
            Expected(type: .booked, booking: 1, dueAt: friday),
            Expected(type: .reminder, booking: 1, dueAt: F.slot(minute: 480).start.adding(seconds: -day)),
        ]
        // A hold says nothing; confirming it is the booking.
        let held = try await allocator.hold(F.slot(minute: 495), for: F.citizen(2)).get().booking
        _ = try await allocator.confirm(held.id).get()
        expected += [
            Expected(type: .booked, booking: 2, dueAt: friday),
            Expected(type: .reminder, booking: 2, dueAt: F.slot(minute: 495).start.adding(seconds: -day)),
        ]
        // A hold that lapses says nothing either.
        _ = try await allocator.hold(F.slot(minute: 510), for: F.citizen(3)).get()
        clock.advance(seconds: 301)
        let later = friday.adding(seconds: 301)
        // Rescheduling: the event and a reminder for the new slot.
        _ = try await allocator.reschedule(first.id, to: F.slot(minute: 540)).get()
        expected += [
            Expected(type: .rescheduled, booking: 1, dueAt: later),
            Expected(type: .reminder, booking: 1, dueAt: F.slot(minute: 540).start.adding(seconds: -day)),
        ]
        _ = try await allocator.cancel(held.id).get()
        expected.append(Expected(type: .cancelled, booking: 2, dueAt: later))
        for (citizen, minute) in [(4, 600), (5, 615)] {
            _ = try await allocator.book(F.slot(minute: minute), for: F.citizen(citizen)).get()
            expected += [
                Expected(type: .booked, booking: UInt64(citizen), dueAt: later),
                Expected(
                    type: .reminder, booking: UInt64(citizen),
                    dueAt: F.slot(minute: minute).start.adding(seconds: -day)),
            ]
        }

        // Monday 10:20: 09:00 and 10:00 are past their 15 minutes of grace, 10:15 is not.
        let mondayMorning = OfficeTimeZone.wita.instant(on: F.monday, minuteOfDay: 620)
        clock.set(mondayMorning)
        #expect(try await allocator.releaseNoShows() == [BookingID(1), BookingID(4)])
        expected += [
            Expected(type: .noShow, booking: 1, dueAt: mondayMorning),
            Expected(type: .noShow, booking: 4, dueAt: mondayMorning),
        ]
        // A late arrival is re-queued; an on-time check-in and a walk-in say nothing.
        _ = try await allocator.checkIn(booking: BookingID(4), nik: F.citizen(4).nikHash, at: F.office).get()
        expected.append(Expected(type: .requeued, booking: 4, dueAt: mondayMorning))
        _ = try await allocator.checkIn(booking: BookingID(5), nik: F.citizen(5).nikHash, at: F.office).get()
        _ = try await allocator.registerWalkIn(office: F.office, service: F.ktp, citizen: F.citizen(7)).get()
        // Booked less than a day ahead: no reminder.
        let sameDay = try await allocator.book(F.slot(minute: 840), for: F.citizen(8)).get().booking
        expected.append(Expected(type: .booked, booking: sameDay.id.rawValue, dueAt: mondayMorning))

        let events = try store.outboxEvents()
        #expect(
            events.map { Expected(type: $0.type, booking: $0.booking.rawValue, dueAt: $0.dueAt) } == expected)
        #expect(Set(events.map(\.id)).count == events.count)
        #expect(events.allSatisfy { !$0.isSettled && !$0.isVoided })
    }

    /// The body names the event, the booking, its office, service and appointment, and nothing of the
    /// citizen: no NIK, no NIK hash, no account.
    @Test func thePayloadCarriesTheBookingAndNothingOfTheCitizen() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let clock = ManualClock(F.fridayNoon)
        let (allocator, store) = try F.open(path, clock: clock)
        let citizen = Citizen(nikHash: NIKHash(syntheticCitizen: 42), account: AccountID("portal-user-9"))
        let booking = try await allocator.book(F.slot(minute: 480), for: citizen).get().booking
        let events = try store.outboxEvents()
        #expect(events.count == 2)
        for event in events {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(event.body.utf8)) as? [String: Any])
            #expect(Set(json.keys) == ["id", "type", "occurred_at", "booking"])
            #expect(json["id"] as? String == event.id)
            #expect(json["type"] as? String == event.type.rawValue)
            let inner = try #require(json["booking"] as? [String: Any])
            #expect(Set(inner.keys) == ["id", "office", "service", "appointment_at", "reschedules"])
            #expect(inner["id"] as? Int == 1)
            #expect(inner["office"] as? String == "kel-a")
            #expect(inner["service"] as? String == "ktp")
            #expect(inner["appointment_at"] as? String == "2026-11-23T00:00:00Z")
            #expect(inner["reschedules"] as? Int == 0)
            let hashHex = booking.nikHash.bytes.map { String(format: "%02x", $0) }.joined()
            #expect(!event.body.contains(hashHex) && !event.body.contains("portal-user-9"))
        }
        #expect(events[0].body.contains(#""occurred_at":"2026-11-20T04:00:00Z""#))
        // The reminder "occurs" when it falls due: Sunday 08:00 WITA.
        #expect(events[1].body.contains(#""occurred_at":"2026-11-22T00:00:00Z""#))
    }

    @Test func aStoreWithoutTheOutboxWritesNoEvents() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let (allocator, store) = try F.open(path, clock: ManualClock(F.fridayNoon), outbox: nil)
        _ = try await allocator.book(F.slot(minute: 480), for: F.citizen(1)).get()
        #expect(try store.outboxEvents().isEmpty)
        #expect(try store.loadBookings().count == 1)
    }

    /// Office and service ids come from configuration: quotes and control characters are escaped.
    @Test func identifiersAreEscapedInTheBody() throws {
        let event = BookingEvent(
            type: .booked, booking: BookingID(3), office: OfficeID("kel \"a\"\\\n"), service: ServiceID("k\u{1}"),
            appointment: Instant(secondsSinceEpoch: 0), occurredAt: Instant(secondsSinceEpoch: 0),
            dueAt: Instant(secondsSinceEpoch: 0), reschedules: 0)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(event.payload(eventID: "e\"1").utf8)) as? [String: Any])
        let inner = try #require(json["booking"] as? [String: Any])
        #expect(inner["office"] as? String == "kel \"a\"\\\n")
        #expect(inner["service"] as? String == "k\u{1}")
        #expect(json["id"] as? String == "e\"1")
    }
}
