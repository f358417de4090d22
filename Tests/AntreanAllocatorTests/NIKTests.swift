import AntreanAllocator
import Testing

@Suite struct NIKTests {
    @Test func validStructures() throws {
        let man = try NIK("6472011204850003")
        #expect(
            man.regionCode == "647201" && man.birthDay == 12 && man.birthMonth == 4 && !man.isFemale && man.serial == 3)
        let woman = try NIK("3578015203990001")  // Surabaya-registered: 6472 is not required
        #expect(woman.isFemale && woman.birthDay == 12 && woman.birthMonth == 3)
        #expect(try NIK("6472016902000001").birthDay == 29)  // 29 Feb 2000, a woman
    }

    @Test(arguments: [
        ("647201120485000", NIKError.wrongLength(15)),
        ("64720112048500031", .wrongLength(17)),
        ("64720112048500a3", .nonDigit),
        ("0972011204850003", .invalidRegionCode),
        ("6400011204850003", .invalidRegionCode),
        ("6472011213850003", .invalidBirthDate),
        ("6472013202850003", .invalidBirthDate),
        ("6472017202850003", .invalidBirthDate),
        ("6472013002850003", .invalidBirthDate),
        ("6472012902230003", .invalidBirthDate),
        ("6472011204850000", .zeroSerial),
    ])
    func invalidStructures(text: String, expected: NIKError) {
        #expect(throws: expected) { try NIK(text) }
    }

    @Test func hashIsKeyedAndStable() throws {
        let hasher = try NIKHasher(pepperBytes: TestKeys.pepper)
        let other = try NIKHasher(pepperBytes: TestKeys.otherPepper)
        let nik = try NIK("6472011204850003")
        #expect(hasher.hash(nik) == hasher.hash(nik))
        #expect(hasher.hash(nik) != other.hash(nik))
        #expect(hasher.hash(nik) != hasher.hash(try NIK("6472011204850004")))
        #expect(!hasher.hash(nik).description.contains("6472011204850003"))
        #expect(NIKHash(hex: hasher.hash(nik).description) == hasher.hash(nik))
    }
}

/// An invalid NIK's birth-date digits are personal data: no error or refusal message may carry them.
@Suite struct NIKMessageTests {
    @Test(arguments: ["6472011213850003", "6472013202850003", "6472017202850003", "6472012902230003"])
    func invalidBirthDateMessagesCarryNoDigitsOfTheNIK(nik: String) {
        do {
            _ = try NIK(nik)
            Issue.record("accepted")
        } catch {
            let messages = [
                error.description, "\(error)", String(reflecting: error),
                AllocationRefusal.invalidNIK(error).description,
            ]
            for message in messages {
                // Digits 7-12 (the birth date), and any run of four digits of the NIK.
                for start in 0...12 {
                    let digits = String(Array(nik)[start..<start + 4])
                    #expect(!message.contains(digits), "\(message) repeats \(digits)")
                }
            }
        }
    }
}
