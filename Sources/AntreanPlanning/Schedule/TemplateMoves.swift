public import AntreanAllocator
import AntreanCity

/// One move of the template search: on one weekday of one office, every service gives up one place in
/// each slot of `first ..< first + length` that has one, to the slot `shift` later (earlier when
/// negative) — the Kaandorp & Koole (2007) move of one citizen by one interval, applied to a block of
/// slots and to all of the office's services at once, so that a few dozen moves cover a day. The
/// places of each service and weekday keep their total, so the allocator sells as much as before.
public struct TemplateMove: Sendable, Hashable {
    public var weekday: Weekday
    public var first: Int
    public var length: Int
    public var shift: Int

    /// The moves tried on `weekdays` of a day of `slots` slots: hour blocks (4 slots of 15 minutes)
    /// moved by an hour either way, then moved by one slot. O(slots) moves per weekday.
    static func all(weekdays: [Weekday], slotsByWeekday: [Weekday: Int]) -> [TemplateMove] {
        var moves: [TemplateMove] = []
        for shift in [4, -4, 1, -1] {
            for weekday in weekdays {
                let slots = slotsByWeekday[weekday] ?? 0
                for first in stride(from: 0, to: slots, by: 4) {
                    moves.append(TemplateMove(weekday: weekday, first: first, length: 4, shift: shift))
                }
            }
        }
        return moves
    }

    /// The templates after the move, or nil when it moves nothing. O(services × length).
    func applied(to templates: CityTemplates, office: String) -> CityTemplates? {
        var result = templates
        var changed = false
        for (key, places) in templates where key.office == office && key.weekday == weekday {
            var moved = places
            for slot in first..<min(first + length, places.count) where places[slot] > 0 {
                let target = slot + shift
                guard moved.indices.contains(target) else { continue }
                moved[slot] -= 1
                moved[target] += 1
                changed = true
            }
            result[key] = moved
        }
        return changed ? result : nil
    }
}
