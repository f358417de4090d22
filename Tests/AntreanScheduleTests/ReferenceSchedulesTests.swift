import Testing

@testable import AntreanSchedule

@Suite("Reference schedules")
struct ReferenceSchedulesTests {
    @Test func individualAndBaileyWelchInBaileysCase() {
        #expect(ReferenceSchedules.uniform(citizens: 12, intervals: 12) == [Int](repeating: 1, count: 12))
        #expect(
            ReferenceSchedules.baileyWelch(citizens: 12, intervals: 12) == [2] + [Int](repeating: 1, count: 10) + [0])
    }

    /// Citizen n in interval round((n − 1)·I/N) + 1 (Kaandorp & Koole's calculator).
    @Test func individualRuleSpreadsEvenly() {
        #expect(ReferenceSchedules.uniform(citizens: 6, intervals: 12) == [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0])
        // 24 over 12: n/2 rounds halves up, so citizen 2 already goes to the second interval.
        #expect(ReferenceSchedules.uniform(citizens: 24, intervals: 12) == [1] + [Int](repeating: 2, count: 10) + [3])
        // 8 over 6: n·6/8 = 0, .75, 1.5, 2.25, 3, 3.75, 4.5, 5.25 → 0, 1, 2, 2, 3, 4, 5, 5.
        #expect(ReferenceSchedules.uniform(citizens: 8, intervals: 6) == [1, 1, 2, 1, 1, 2])
        for (citizens, intervals) in [(1, 5), (7, 3), (13, 12), (40, 48)] {
            let places = ReferenceSchedules.uniform(citizens: citizens, intervals: intervals)
            #expect(places.reduce(0, +) == citizens)
            #expect(places.count == intervals)
            let bw = ReferenceSchedules.baileyWelch(citizens: citizens, intervals: intervals)
            #expect(bw.reduce(0, +) == citizens)
        }
    }
}
