import Testing

@testable import AntreanAllocator

/// `retireHistory(before:)` forgets settled bookings of the past. It must change no answer about the
/// bookings it keeps, nor any capacity, and must never forget a booking that can still change.
@Suite struct RetirementTests {
    let monday = Fixture.monday
    let tuesday = Fixture.tuesday

    func at(_ date: LocalDate, _ minute: Int) -> Instant { Fixture.wita.instant(on: date, minuteOfDay: minute) }

    @Test func settledBookingsOfPastDaysAreForgottenAndTheirDaysThenAnswerAsClosed() throws {
        var core = Fixture.core()
        let sunday = Fixture.sundayNoon
        let wednesday = monday.adding(days: 2)
        let served = try core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1), now: sunday).get().booking.id
        let ahead = try core.book(Fixture.slot(Fixture.a1, on: tuesday), for: Fixture.citizen(4), now: sunday).get()
            .booking.id
        let cancelled = try core.book(Fixture.slot(Fixture.a1, minute: 495), for: Fixture.citizen(2), now: sunday)
            .get().booking.id
        let missed = try core.book(Fixture.slot(Fixture.a1, minute: 510), for: Fixture.citizen(3), now: sunday).get()
            .booking.id
        _ = try core.cancel(cancelled, now: sunday).get()
        _ = try core.checkIn(booking: served, nik: Fixture.citizen(1).nikHash, at: Fixture.a1, now: at(monday, 478))
            .get()
        #expect(core.releaseNoShows(now: at(monday, 600)) == [missed])
        let usageBefore = core.snapshot(at: at(tuesday, 0)).usage
        _ = core.drainChanges()

        // Tuesday's booking, made second and still ahead, stops retirement after the first booking.
        #expect(core.retireHistory(before: at(tuesday, 0)) == 1)
        #expect(core.booking(served) == nil && core.state(of: served) == nil)
        #expect(core.cancel(served, now: at(tuesday, 1)).refusal == .unknownBooking(served))
        #expect(core.booking(cancelled)?.state == .cancelled && core.state(of: ahead) == .booked)
        // Monday's ledger is still held (later bookings use it): the served citizen's place stays taken.
        #expect(core.snapshot(at: at(tuesday, 0)).usage == usageBefore)
        #expect(core.invariantViolations().isEmpty)
        #expect(core.retireHistory(before: at(tuesday, 0)) == 0)

        // Once Tuesday's citizen is served, all of it goes, and with it both days' ledgers.
        _ = try core.checkIn(booking: ahead, nik: Fixture.citizen(4).nikHash, at: Fixture.a1, now: at(tuesday, 478))
            .get()
        _ = core.drainChanges()
        #expect(core.retireHistory(before: at(wednesday, 0)) == 3)
        #expect(core.bookingCount == 4 && core.retainedBookingCount == 0 && core.ledgerCount == 0)
        #expect(core.snapshot(at: at(wednesday, 0)).usage.isEmpty)
        #expect(core.invariantViolations().isEmpty)
        // Retired days answer as closed; the days ahead are as they were.
        #expect(core.dayPlan(office: Fixture.a1, service: Fixture.ktp, date: monday) == nil)
        #expect(
            core.registerWalkInBooking(
                office: Fixture.a1, service: Fixture.ktp, citizen: Fixture.citizen(5), now: at(tuesday, 600)
            ).refusal == .noSuchSlot)
        #expect(core.dayPlan(office: Fixture.a1, service: Fixture.ktp, date: wednesday) != nil)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func anActiveBookingStopsRetirementAndUndrainedChangesAreKept() throws {
        var core = Fixture.core()
        let sunday = Fixture.sundayNoon
        // Made first, for Tuesday: still booked on Tuesday morning.
        let ahead = try core.book(Fixture.slot(Fixture.a1, on: tuesday), for: Fixture.citizen(1), now: sunday).get()
        let monday = try core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(2), now: sunday).get()
        _ = try core.cancel(monday.booking.id, now: sunday).get()
        #expect(core.retireHistory(before: at(tuesday, 0)) == 0)
        // A booking for a past slot that no sweep has released yet is kept too.
        var unswept = Fixture.core()
        let past = try unswept.book(Fixture.slot(Fixture.a2), for: Fixture.citizen(3), now: sunday).get().booking.id
        _ = unswept.drainChanges()
        #expect(unswept.retireHistory(before: at(tuesday, 0)) == 0)
        #expect(unswept.releaseNoShows(now: at(tuesday, 1)) == [past])
        _ = core.drainChanges()
        _ = try core.cancel(ahead.booking.id, now: at(tuesday, 0)).get()
        // Both settled now, but the cancellation is not yet with the store.
        #expect(core.retireHistory(before: at(tuesday, 0)) == 0)
        #expect(core.drainChanges().count == 1)
        // Tuesday's slot has not started before the cutoff.
        #expect(core.retireHistory(before: at(tuesday, 0)) == 0)
        #expect(core.retireHistory(before: at(tuesday, 481)) == 2)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func aRetiredIdempotencyKeyNoLongerAnswersWithTheOldBooking() throws {
        var core = Fixture.core()
        let citizen = Fixture.citizen(7)
        let first = try core.book(
            Fixture.slot(Fixture.a1), for: citizen, idempotencyKey: "k", now: Fixture.sundayNoon
        ).get()
        _ = try core.cancel(first.booking.id, now: Fixture.sundayNoon).get()
        _ = core.drainChanges()
        #expect(core.retireHistory(before: at(tuesday, 0)) == 1)
        #expect(core.invariantViolations().isEmpty)
        let again = try core.book(
            Fixture.slot(Fixture.a1, on: tuesday), for: citizen, idempotencyKey: "k", now: at(monday, 600)
        ).get()
        #expect(!again.isRepeat && again.booking.id == BookingID(2))
    }

    /// Two cores take the same four weeks of random bookings, cancellations, walk-ins, check-ins and
    /// no-show sweeps; one retires its history every morning. Every answer about a booking the
    /// retiring core still holds is the same, and every booking it forgot was settled and in the past.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func retiringChangesNoAnswerAboutKeptBookings(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var kept = try! AllocatorCore(
            configuration: Fixture.configuration(), tokenSigner: Fixture.signer, journalsChanges: false)
        var retiring = kept
        let offices = [Fixture.a1, Fixture.a2, Fixture.b1]
        var retiredTotal = 0
        var peakHeld = 0
        for day in 0..<28 {
            let date = monday.adding(days: day)
            let cutoff = at(date, 0)
            retiredTotal += retiring.retireHistory(before: cutoff)
            peakHeld = max(peakHeld, retiring.retainedBookingCount)
            #expect(retiring.invariantViolations().isEmpty, "day \(day)")
            for _ in 0..<40 {
                let now = at(date, 420 + Int.random(in: 0..<600, using: &random))
                let citizen = Fixture.citizen(Int.random(in: 0..<40, using: &random))
                switch Int.random(in: 0..<4, using: &random) {
                case 0:
                    let request = PlacementRequest(
                        service: Bool.random(using: &random) ? Fixture.ktp : Fixture.kk,
                        homeOffice: offices.randomElement(using: &random)!, citizen: citizen)
                    #expect(kept.placeBooking(request, now: now) == retiring.placeBooking(request, now: now))
                case 1:
                    let office = offices.randomElement(using: &random)!
                    #expect(
                        kept.registerWalkInBooking(office: office, service: Fixture.ktp, citizen: citizen, now: now)
                            == retiring.registerWalkInBooking(
                                office: office, service: Fixture.ktp, citizen: citizen, now: now))
                case 2:
                    guard kept.bookingCount > 0 else { continue }
                    let id = BookingID(UInt64(Int.random(in: 1...kept.bookingCount, using: &random)))
                    let answer = retiring.cancel(id, now: now).map(\.id)
                    if retiring.state(of: id) == nil, kept.booking(id) != nil, answer.refusal == .unknownBooking(id) {
                        Self.expectSettledBefore(cutoff, kept.booking(id)!, in: kept)
                    } else {
                        #expect(kept.cancel(id, now: now).map(\.id) == answer)
                    }
                default:
                    guard kept.bookingCount > 0 else { continue }
                    let id = BookingID(UInt64(Int.random(in: 1...kept.bookingCount, using: &random)))
                    guard let booking = kept.booking(id) else { continue }
                    let scan = booking.slotStart.adding(minutes: Int.random(in: -30...40, using: &random))
                    guard scan >= now else { continue }
                    let answer = retiring.checkInTiming(
                        booking: id, nik: booking.nikHash, at: booking.office, now: scan)
                    if answer.refusal == .unknownBooking(id) {
                        Self.expectSettledBefore(cutoff, booking, in: kept)
                    } else {
                        #expect(
                            kept.checkInTiming(booking: id, nik: booking.nikHash, at: booking.office, now: scan)
                                == answer)
                    }
                }
            }
            // Some evenings nobody sweeps: the next morning's retirement then meets bookings still
            // booked for past slots, which it must keep (the next sweep releases them).
            guard Int.random(in: 0..<3, using: &random) > 0 else { continue }
            let evening = at(date, 1_200)
            #expect(kept.releaseNoShows(now: evening) == retiring.releaseNoShows(now: evening))
        }
        for number in 1...kept.bookingCount {
            let id = BookingID(UInt64(number))
            if let held = retiring.booking(id) {
                #expect(held == kept.booking(id))
            } else {
                Self.expectSettledBefore(at(monday.adding(days: 27), 0), kept.booking(id)!, in: kept)
            }
        }
        // Every ledger the retiring core holds counts what the keeping core's does, and it holds every
        // ledger from the last cutoff's day on.
        for number in retiring.ledgers.indices {
            let ledger = retiring.ledgers[number]
            guard let twinNumber = kept.ledgerDirectory.number(of: ledger.key) else {
                Issue.record("ledger of day \(ledger.key.day) only in the retiring core")
                continue
            }
            let twin = kept.ledgers[Int(twinNumber)]
            #expect(ledger.template == twin.template && ledger.occupied == twin.occupied)
            #expect(ledger.openOnline == twin.openOnline && ledger.openPriority == twin.openPriority)
            for slot in ledger.slots {
                #expect(retiring.rows.usage(of: ledger, at: slot) == kept.rows.usage(of: twin, at: slot))
            }
        }
        let lastCutoffDay = Fixture.wita.localDay(of: at(monday.adding(days: 27), 0))
        for number in kept.ledgers.indices where Int(kept.ledgers[number].key.day) >= lastCutoffDay {
            #expect(retiring.ledgerDirectory.number(of: kept.ledgers[number].key) != nil)
        }
        #expect(retiring.ledgerCount < kept.ledgerCount / 2)
        #expect(kept.invariantViolations().isEmpty && retiring.invariantViolations().isEmpty)
        // Most of the four weeks was forgotten, and storage holds a few days' bookings, not all.
        #expect(retiredTotal > kept.bookingCount / 2)
        #expect(peakHeld < kept.bookingCount / 3)
        #expect(retiring.niks.heldCount < kept.niks.heldCount / 2)
        #expect(retiring.activeCounts.indices.count == retiring.niks.heldCount)
    }

    static func expectSettledBefore(_ cutoff: Instant, _ booking: BookingRecord, in core: AllocatorCore) {
        #expect(!booking.state.isActive, "\(booking.id) was retired while \(booking.state)")
        #expect(booking.slotStart < cutoff, "\(booking.id) was retired before its slot")
    }

    @Test func slidingArrayKeepsPositionsAndMovesOnlyWhenHalfIsDropped() {
        var array = SlidingArray<Int>()
        for value in 0..<10 { array.append(value) }
        var moved = array.dropPositions(below: 4)
        #expect(!moved)  // 4 dropped, 6 held: not yet worth a move
        #expect(array.indices == 4..<10 && array[4] == 4 && array[9] == 9)
        array[5] = 50
        moved = array.dropPositions(below: 6)
        #expect(moved)  // 6 dropped, 4 held: moved
        #expect(array.indices == 6..<10 && array[6] == 6 && array[9] == 9)
        array.append(10)
        #expect(array.endIndex == 11 && array[10] == 10)
        moved = array.dropPositions(below: 99)
        #expect(moved)  // clamped: everything dropped
        #expect(array.isEmpty && array.endIndex == 11)
        array.append(11)
        #expect(array.indices == 11..<12 && array[11] == 11)
    }
}
