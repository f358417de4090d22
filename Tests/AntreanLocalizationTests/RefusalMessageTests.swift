import AntreanAllocator
import AntreanLocalization
import Testing

@Suite("Refusal messages")
struct RefusalMessageTests {
    /// One refusal of every kind. The switch fails to compile when a kind is added, so the list
    /// cannot silently fall behind.
    static let everyRefusal: [AllocationRefusal] = {
        let list: [AllocationRefusal] =
            [
                .unknownOffice(OfficeID("x")), .unknownService(ServiceID("x")), .serviceNotOffered, .noSuchSlot,
                .slotFull, .walkInReserveFull, .dailyQuotaReached, .outsideBookingWindow, .nikLimitReached,
                .accountLimitReached, .unknownBooking(BookingID(7)), .notOwner, .holdNotActive, .bookingNotActive,
                .rescheduleLimitReached, .idempotencyKeyReused, .noAvailability, .wrongOffice, .tooEarlyToCheckIn,
                .checkInClosed, .invalidNIK(.nonDigit), .instantOutOfRange,
            ] + TokenRefusal.allCases.map { .token($0) }
        for refusal in list {
            switch refusal {
            case .unknownOffice, .unknownService, .serviceNotOffered, .noSuchSlot, .slotFull, .walkInReserveFull,
                .dailyQuotaReached, .outsideBookingWindow, .nikLimitReached, .accountLimitReached, .unknownBooking,
                .notOwner, .holdNotActive, .bookingNotActive, .rescheduleLimitReached, .idempotencyKeyReused,
                .noAvailability, .wrongOffice, .tooEarlyToCheckIn, .checkInClosed, .token, .invalidNIK,
                .instantOutOfRange:
                break
            }
        }
        return list
    }()

    @Test("every refusal code has its own message in both languages, with and without the rules")
    func everyCode() {
        #expect(Set(Self.everyRefusal.map(\.code)).count == 22 + 8)
        for refusal in Self.everyRefusal {
            for rules in [nil, AllocatorRules()] {
                let english = refusal.message(language: .en, rules: rules)
                let indonesian = refusal.message(language: .id, rules: rules)
                #expect(Texts.table(.en)["refusal." + refusal.code] != nil, "\(refusal.code) has no English text")
                #expect(Texts.table(.id)["refusal." + refusal.code] != nil, "\(refusal.code) has no Indonesian text")
                #expect(!english.hasPrefix("refusal.") && !indonesian.hasPrefix("refusal."))
                #expect(!indonesian.contains("{") && !english.contains("{"), "\(refusal.code): unfilled placeholder")
                #expect(english != indonesian, "\(refusal.code): the same in both languages")
            }
        }
        // No two kinds of refusal read alike: a citizen can tell them apart.
        for language in Language.allCases {
            let messages = Self.everyRefusal.map { $0.message(language: language) }
            #expect(Set(messages).count == messages.count)
        }
    }

    @Test("the issue's examples, with the real limit from the rules")
    func examples() {
        #expect(AllocationRefusal.slotFull.message(language: .id) == "Kuota pada jam ini sudah penuh")
        var rules = AllocatorRules()
        #expect(
            AllocationRefusal.nikLimitReached.message(language: .id, rules: rules)
                == "NIK ini sudah memiliki 2 pemesanan aktif")
        rules.maxActiveBookingsPerNIK = 3
        rules.maxBookingsPerAccountPerWindow = 1_500
        rules.accountWindowSeconds = 5_400
        #expect(
            AllocationRefusal.nikLimitReached.message(language: .id, rules: rules)
                == "NIK ini sudah memiliki 3 pemesanan aktif")
        #expect(
            AllocationRefusal.accountLimitReached.message(language: .id, rules: rules)
                == "Akun ini sudah membuat 1.500 pemesanan dalam 1,5 jam terakhir")
        #expect(
            AllocationRefusal.nikLimitReached.message(language: .en)
                == "This NIK has reached its limit of active bookings")
        #expect(
            AllocationRefusal.invalidNIK(.invalidBirthDate).message(language: .id)
                == "NIK tidak valid (harus 16 angka, sesuai KTP)")
    }
}
