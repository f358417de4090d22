import AntreanLocalization
import Testing

@Suite("Dates and times")
struct DateFormattingTests {
    @Test("day and month names")
    func names() {
        #expect(Language.id.date(year: 2026, month: 11, day: 23) == "Senin, 23 November 2026")
        #expect(Language.en.date(year: 2026, month: 11, day: 23) == "Monday, 23 November 2026")
        #expect(Language.id.date(year: 2024, month: 8, day: 17) == "Sabtu, 17 Agustus 2024")
        #expect(Language.id.date(year: 1945, month: 8, day: 17) == "Jumat, 17 Agustus 1945")
        #expect(Language.id.date(year: 2000, month: 1, day: 1) == "Sabtu, 1 Januari 2000")
        #expect(Language.id.date(year: 2024, month: 2, day: 29) == "Kamis, 29 Februari 2024")
        #expect(Language.id.date(year: 1970, month: 1, day: 1) == "Kamis, 1 Januari 1970")
    }

    @Test(
        "fields that are not a date give nil",
        arguments: [(2026, 2, 29), (1900, 2, 29), (2026, 13, 1), (2026, 4, 31), (0, 1, 1), (2026, 1, 0)])
    func notADate(year: Int, month: Int, day: Int) {
        #expect(Language.id.date(year: year, month: month, day: day) == nil)
    }

    @Test("walking day by day through 1900–2100, the weekday advances by one each day")
    func consecutiveDays() {
        let names = Language.id.weekdayNames
        // 1 January 1900 was a Monday.
        var expected = 0
        var count = 0
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...31 {
                    guard let text = Language.id.date(year: year, month: month, day: day) else { continue }
                    #expect(text.hasPrefix(names[expected] + ","), "\(year)-\(month)-\(day)")
                    expected = (expected + 1) % 7
                    count += 1
                }
            }
        }
        // 201 years, 49 of them leap (2000 is, 1900 and 2100 are not).
        #expect(count == 201 * 365 + 49)
    }

    @Test("24-hour times with WITA")
    func times() {
        #expect(Language.id.time(hour: 8, minute: 0) == "08:00 WITA")
        #expect(Language.id.time(hour: 23, minute: 59) == "23:59 WITA")
        #expect(Language.en.time(hour: 13, minute: 5) == "13:05 WITA")
        #expect(Language.id.time(hour: 7, minute: 30, zone: "") == "07:30")
        #expect(Language.id.time(hour: 24, minute: 0) == nil)
        #expect(Language.id.time(hour: 8, minute: 60) == nil)
    }
}
