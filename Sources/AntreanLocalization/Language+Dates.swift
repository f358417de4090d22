/// Calendar dates and clock times for readers. Implemented here rather than with Foundation's
/// DateFormatter so that no locale data (often missing on Linux servers) is needed; the proleptic
/// Gregorian calendar and 24-hour times are all Antrean needs.
extension Language {
    /// Day names, Monday first.
    public var weekdayNames: [String] {
        switch self {
        case .en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        case .id: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
        }
    }

    /// Month names, January first.
    public var monthNames: [String] {
        switch self {
        case .en:
            [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
        case .id:
            [
                "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                "November", "Desember",
            ]
        }
    }

    /// "Senin, 23 November 2026" (Indonesian) or "Monday, 23 November 2026" (English: day first, as
    /// in British usage, so both languages read the same way). Nil when the fields are not a date of
    /// the Gregorian calendar (years 1…9999). O(1).
    public func date(year: Int, month: Int, day: Int) -> String? {
        guard let weekday = CivilCalendar.weekday(year: year, month: month, day: day) else { return nil }
        return "\(weekdayNames[weekday]), \(day) \(monthNames[month - 1]) \(year)"
    }

    /// A 24-hour clock time with its zone's abbreviation, e.g. "08:00 WITA" (Samarinda: Waktu
    /// Indonesia Tengah, UTC+8). The same in both languages; Indonesian documents write times 24-hour.
    /// Nil outside 00:00…23:59. O(1).
    public func time(hour: Int, minute: Int, zone: String = "WITA") -> String? {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        let clock = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
        return zone.isEmpty ? clock : clock + " " + zone
    }
}

/// Day arithmetic of the proleptic Gregorian calendar.
enum CivilCalendar {
    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the date (Hinnant's days_from_civil, exact for every Gregorian date).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 0 for Monday … 6 for Sunday; nil if the fields are not a date in years 1…9999.
    static func weekday(year: Int, month: Int, day: Int) -> Int? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        // 1970-01-01 was a Thursday (index 3).
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return ((days + 3) % 7 + 7) % 7
    }
}
