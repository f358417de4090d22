public import AntreanAllocator
import AntreanCity

/// One move of the template search: on one weekday of one office, every service gives up one place in
/// each interval of `first ..< first + length` that has one, to the interval `shift` later (earlier when
/// negative) — the Kaandorp & Koole (2007) move of one citizen by one interval, applied to a block of
/// intervals and to all of the office's services at once, so that a few dozen moves cover a day. The
/// places of each service and weekday keep their total, so the allocator sells as much as before.
/// Positions count the intervals of the weekday's template (an hour is 60 ÷ interval of them).
public struct TemplateMove: Sendable, Hashable {
    public var weekday: Weekday
    public var first: Int
    public var length: Int
    public var shift: Int

    /// The moves tried on `weekdays`, given each weekday's (intervals, intervals per hour): hour blocks
    /// moved by an hour either way, then moved by one interval. O(hours) moves per weekday.
    static func all(weekdays: [Weekday], days: [Weekday: (intervals: Int, perHour: Int)]) -> [TemplateMove] {
        var moves: [TemplateMove] = []
        for hourShift in [true, false] {
            for direction in [1, -1] {
                for weekday in weekdays {
                    guard let day = days[weekday], day.perHour > 0 else { continue }
                    let shift = direction * (hourShift ? day.perHour : 1)
                    for first in stride(from: 0, to: day.intervals, by: day.perHour) {
                        moves.append(TemplateMove(weekday: weekday, first: first, length: day.perHour, shift: shift))
                    }
                }
            }
        }
        return moves
    }

    /// The templates after the move, or nil when it moves nothing. A moved template gets individual
    /// appointment minutes, as the `--out` file that publishes it gives them. O(services × length).
    func applied(to templates: CityTemplates, office: String) -> CityTemplates? {
        var result = templates
        var changed = false
        for (key, template) in templates where key.office == office && key.weekday == weekday {
            var moved = template.places
            var movedHere = false
            for index in first..<min(first + length, moved.count) where template.places[index] > 0 {
                let target = index + shift
                guard moved.indices.contains(target) else { continue }
                moved[index] -= 1
                moved[target] += 1
                movedHere = true
            }
            guard movedHere else { continue }
            changed = true
            result[key] = DayTemplate(intervalMinutes: template.intervalMinutes, places: moved, individualTimes: true)
        }
        return changed ? result : nil
    }
}
