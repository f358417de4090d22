import AntreanAllocator
import Testing

/// `placeBooking`, `registerWalkInBooking` and `checkInTiming` skip building the booking record; they
/// must decide exactly what `place`, `registerWalkIn` and `checkIn` decide. Two cores take the same
/// random operations, one through each form, and must agree on every answer and every booking.
@Suite struct LeanAnswerTests {
    let sunday = Fixture.sundayNoon

    @Test(arguments: [1, 2, 3] as [UInt64])
    func leanAndFullAnswersAgree(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var full = Fixture.core()
        var lean = Fixture.core()
        let offices = [Fixture.a1, Fixture.a2, Fixture.b1]
        var answers = (placed: 0, refused: 0, checkedIn: 0)
        for step in 0..<600 {
            // Monday and Tuesday, 07:30–16:30, in minutes from Sunday noon.
            let day = Int.random(in: 0...1, using: &random)
            let now = sunday.adding(minutes: 1_140 + day * 1_440 + Int.random(in: 0..<540, using: &random))
            let citizen = Fixture.citizen(Int.random(in: 0..<15, using: &random))
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                let request = PlacementRequest(
                    service: Bool.random(using: &random) ? Fixture.ktp : Fixture.kk,
                    homeOffice: offices.randomElement(using: &random)!, citizen: citizen,
                    idempotencyKey: Int.random(in: 0..<4, using: &random) == 0 ? "key-\(step % 5)" : nil)
                // Booking happens on Sunday, for the days ahead.
                let byRecord = full.place(request, now: sunday).map {
                    PlacedBooking(id: $0.booking.id, office: $0.booking.office, slotStart: $0.booking.slotStart)
                }
                let byLean = lean.placeBooking(request, now: sunday)
                #expect(byRecord == byLean, "step \(step)")
                if case .success = byLean { answers.placed += 1 } else { answers.refused += 1 }
            case 1:
                let office = offices.randomElement(using: &random)!
                let byRecord = full.registerWalkIn(
                    office: office, service: Fixture.ktp, citizen: citizen, now: now, overflowToOnline: true
                ).map(\.booking.id)
                let byLean = lean.registerWalkInBooking(
                    office: office, service: Fixture.ktp, citizen: citizen, now: now, overflowToOnline: true)
                #expect(byRecord == byLean, "step \(step)")
            default:
                guard full.bookingCount > 0 else { continue }
                let id = BookingID(UInt64(Int.random(in: 1...full.bookingCount, using: &random)))
                let office = offices.randomElement(using: &random)!
                let token = full.issueToken(for: id, now: sunday).value ?? "AQ2.k1.none"
                #expect(lean.issueToken(for: id, now: sunday).value ?? "AQ2.k1.none" == token)
                // Around the slot, so that every timing and refusal happens.
                let slot = full.booking(id)?.slotStart ?? now
                let scanned = slot.adding(minutes: Int.random(in: -45...90, using: &random))
                let byRecord = full.checkIn(token: token, at: office, now: scanned).map(\.timing)
                let byLean = lean.checkInTiming(token: token, at: office, now: scanned)
                #expect(byRecord == byLean, "step \(step)")
                if case .success = byLean { answers.checkedIn += 1 }
            }
        }
        #expect(full.bookingCount == lean.bookingCount)
        for number in 0..<full.bookingCount {
            let id = BookingID(UInt64(number + 1))
            #expect(full.booking(id) == lean.booking(id))
        }
        // The sequence reaches every kind of answer.
        #expect(answers.placed > 20 && answers.refused > 20 && answers.checkedIn > 5)
        #expect(full.invariantViolations().isEmpty && lean.invariantViolations().isEmpty)
    }
}
