import AntreanAllocator
import Foundation
import Testing

/// Templates shape the day: interval lengths, place vectors, named rules, overbooking, precedence.
@Suite struct AppointmentTemplateTests {
    typealias F = TemplateFixture

    @Test(arguments: [5, 10, 15, 20, 30, 40, 60, 120])
    func anIntervalThatDividesTheHoursGivesThatManySlotsOfThatLength(interval: Int) throws {
        let template = AppointmentTemplate(office: F.office, intervalMinutes: interval, places: .rule(.uniform))
        var core = try F.core(F.configuration([template]))
        let plan = try F.plan(&core, F.office, on: F.monday)
        #expect(plan.slotMinutes == interval)
        #expect(plan.slots.count == 120 / interval)
        #expect(plan.individualTimes)
        // Uniform = ⌊1 counter × interval ÷ 5 min⌋ places in each interval.
        #expect(plan.slots.allSatisfy { $0.total == interval / 5 })
        // Bookable starts are the interval starts, and nothing else.
        #expect(core.book(F.slot(600 - interval), for: Fixture.citizen(1), now: F.sunday).value != nil)
        if interval > 5 {
            #expect(core.book(F.slot(485), for: Fixture.citizen(2), now: F.sunday).refusal == .noSuchSlot)
        }
        // The other office keeps the rules' 15-minute grid, every place at the slot's start.
        let untouched = try F.plan(&core, F.other, on: F.monday)
        #expect(untouched.slotMinutes == 15 && untouched.slots.count == 8 && !untouched.individualTimes)
    }

    @Test func anExplicitVectorSetsEachIntervalsPlacesIncludingHoles() throws {
        let places = [2, 1, 1, 0, 1, 3]
        var core = try F.core(F.configuration([F.explicit(places, interval: 20)]))
        let plan = try F.plan(&core, F.office, on: F.monday)
        #expect(plan.slots.map(\.total) == places)
        // Each interval sells exactly its places: one more is refused.
        var citizen = 0
        for (index, count) in places.enumerated() {
            let slot = F.slot(480 + 20 * index)
            for _ in 0..<count {
                citizen += 1
                #expect(core.book(slot, for: Fixture.citizen(citizen), now: F.sunday).value != nil)
            }
            citizen += 1
            #expect(core.book(slot, for: Fixture.citizen(citizen), now: F.sunday).refusal == .slotFull)
        }
    }

    @Test func baileyWelchPutsTwoAtTheStartThenOneEachWhenTheIntervalIsTheMeanService() throws {
        // One counter, intervals of the 5-minute mean: Bailey's rule for 24 intervals.
        let template = AppointmentTemplate(office: F.office, intervalMinutes: 5, places: .rule(.baileyWelch))
        var core = try F.core(F.configuration([template]))
        let plan = try F.plan(&core, F.office, on: F.monday)
        #expect(plan.slots.map(\.total) == [2] + Array(repeating: 1, count: 22) + [0])
        // Three counters: every counter's share follows the rule.
        var three = try F.core(F.configuration([template], counters: 3))
        let scaled = try F.plan(&three, F.office, on: F.monday)
        #expect(scaled.slots.map(\.total) == [6] + Array(repeating: 3, count: 22) + [0])
    }

    @Test func domeKeepsTheDayTotalAndGivesTheEndsMoreThanMidday() throws {
        let template = AppointmentTemplate(office: F.office, intervalMinutes: 10, places: .rule(.dome))
        var core = try F.core(F.configuration([template], counters: 2))
        let plan = try F.plan(&core, F.office, on: F.monday)
        let places = plan.slots.map(\.total)
        // Uniform would give ⌊2 × 10 ÷ 5⌋ = 4 in each of 12 intervals.
        #expect(places.count == 12 && places.reduce(0, +) == 48)
        // Gaps 1 + ½ sin(π x) are symmetric and largest at midday: places ∝ 1/gap, so the ends get the
        // most and the two middle intervals the fewest (largest-remainder rounding moves each by < 1).
        let quotas = (0..<12).map { 1 / (1 + 0.5 * sin(Double.pi * (Double($0) + 0.5) / 12)) }
        let scale = 48 / quotas.reduce(0, +)
        for (place, quota) in zip(places, quotas) { #expect(abs(Double(place) - quota * scale) < 1) }
        #expect(places[0] > places[5] && places[11] > places[6])
    }

    @Test func templateOverbookingAddsOnlinePlacesWhereItSays() throws {
        let template = F.explicit([2, 2, 2, 2, 2, 2], interval: 20, overbook: [1, 0, 0, 0, 0, 2])
        var core = try F.core(F.configuration([template]))
        for (index, extra) in [1, 0, 0, 0, 0, 2].enumerated() {
            let slot = F.slot(480 + 20 * index)
            var booked = 0
            while core.book(slot, for: Fixture.citizen(100 * index + booked), now: F.sunday).value != nil {
                booked += 1
            }
            #expect(booked == 2 + extra)
        }
    }

    /// Issue 18: the template's overbooking works *alongside* the overbooking policy. With a predicted
    /// no-show rate of 1/3 the policy sells ⌊online ÷ (1 − 1/3)⌋ of each interval's online places, and
    /// the template's extra places come on top: ⌊3 · 1.5⌋ + extra = 4 + extra.
    @Test func templateOverbookingAddsToThePolicysOverbooking() throws {
        let template = F.explicit([3, 3, 3, 3, 3, 3], interval: 20, overbook: [1, 0, 0, 2, 0, 0])
        var core = try AllocatorCore(
            configuration: F.configuration([template]),
            policy: OverbookingPolicy(noShowRates: [F.office: [.monday: 1.0 / 3]], defaultRate: 0),
            tokenSigner: Fixture.signer)
        var sold: [Int] = []
        for index in 0..<6 {
            var booked = 0
            while core.book(F.slot(480 + 20 * index), for: Fixture.citizen(100 * index + booked), now: F.sunday).value
                != nil
            {
                booked += 1
            }
            sold.append(booked)
        }
        #expect(sold == [5, 4, 4, 6, 4, 4])
    }

    @Test func theMostSpecificTemplateWinsAndADateBeatsAWeekday() throws {
        let all = AppointmentTemplate(intervalMinutes: 30, places: .explicit([1, 1, 1, 1]))
        let service = AppointmentTemplate(service: F.service, intervalMinutes: 20, places: .rule(.uniform))
        let office = AppointmentTemplate(office: F.office, intervalMinutes: 10, places: .rule(.uniform))
        let both = AppointmentTemplate(
            office: F.office, service: F.service, weekdays: [.tuesday], intervalMinutes: 5, places: .rule(.uniform))
        let dated = AppointmentTemplate(dates: [F.tuesday], intervalMinutes: 60, places: .explicit([3, 3]))
        func lengths(_ templates: [AppointmentTemplate]) throws -> [Int?] {
            var core = try F.core(F.configuration(templates))
            return [(F.office, F.monday), (F.office, F.tuesday), (F.other, F.monday), (F.other, F.tuesday)].map {
                core.dayPlan(office: $0.0, service: F.service, date: $0.1)?.slotMinutes
            }
        }
        #expect(try lengths([all]) == [30, 30, 30, 30])
        #expect(try lengths([all, service]) == [20, 20, 20, 20])
        // Order does not matter between levels: office beats service beats all.
        #expect(try lengths([office, service, all]) == [10, 10, 20, 20])
        #expect(try lengths([both, office, service]) == [10, 5, 20, 20])
        #expect(try lengths([dated, both, office, service]) == [10, 60, 20, 60])
        // The public plan of a dated day shows the date's template.
        var core = try F.core(F.configuration([dated, both]))
        #expect(core.dayPlan(office: F.office, service: F.service, date: F.tuesday)?.slots.map(\.total) == [3, 3])
        #expect(
            F.configuration([dated, both]).dayPlan(office: F.office, service: F.service, date: F.tuesday)?.slotMinutes
                == 60)
        // A date entry applies on its dates even where the weekdays it also lists say otherwise, and
        // its fit is checked on them: 2 entries do not fit a Tuesday of 20-minute intervals.
        let datedMonday = AppointmentTemplate(
            weekdays: [.monday], dates: [F.tuesday], intervalMinutes: 60, places: .explicit([3, 3]))
        #expect(try lengths([datedMonday]) == [15, 60, 15, 60])
        var misfit = datedMonday
        misfit.intervalMinutes = 20
        #expect(throws: ConfigurationError.self) { try F.configuration([misfit]).validate() }
        // Equal specificity: the later entry wins.
        let later = AppointmentTemplate(office: F.office, intervalMinutes: 40, places: .rule(.uniform))
        #expect(try lengths([office, later]).first == 40)
    }

    @Test func aRuleReBinsSetSlotCapacitiesKeepingTheDayTotal() throws {
        // Slot capacities by 15-minute slot: 3, 0, 1, 2 repeating (8 slots, 12 places a day).
        var configuration = F.configuration([
            AppointmentTemplate(office: F.office, intervalMinutes: 30, places: .rule(.uniform))
        ])
        configuration.offices[0].services[0].slotCapacityByWeekday = [.monday: [3, 0, 1, 2]]
        var core = try F.core(configuration)
        let plan = try F.plan(&core, F.office, on: F.monday)
        #expect(plan.slots.map(\.total) == [3, 3, 3, 3])
        // An interval equal to the slot length gives the set capacities back.
        configuration.appointmentTemplates = [
            AppointmentTemplate(office: F.office, intervalMinutes: 15, places: .rule(.uniform))
        ]
        var same = try F.core(configuration)
        #expect(
            same.dayPlan(office: F.office, service: F.service, date: F.monday)?.slots.map(\.total)
                == [3, 0, 1, 2, 3, 0, 1, 2])
        // 10-minute intervals: cumulative places at 10, 20, … minutes are ⌊3·10/15⌋=2, ⌊3+0⌋=3, 3+⌊1·0/15⌋ …
        configuration.appointmentTemplates = [
            AppointmentTemplate(office: F.office, intervalMinutes: 10, places: .rule(.uniform))
        ]
        var fine = try F.core(configuration)
        let tenMinute = try F.plan(&fine, F.office, on: F.monday)
        let cumulative = [0, 2, 3, 3, 3, 4, 6, 8, 9, 9, 9, 10, 12]  // ⌊places booked by minute 10·j⌋
        #expect(tenMinute.slots.map(\.total) == zip(cumulative.dropFirst(), cumulative).map { $0 - $1 })
    }

    @Test func badTemplatesAreRefusedNamingTheField() {
        func refusal(_ template: AppointmentTemplate) -> String? {
            do {
                try F.configuration([template]).validate()
                return nil
            } catch { return error.field + ": " + error.message }
        }
        #expect(
            refusal(F.explicit([1, 1, 1, 1, 1, 1, 1], interval: 20))?.hasPrefix("appointmentTemplates[0].places")
                == true)
        #expect(refusal(F.explicit([1, 1, 1, 1, 1, 1, 1], interval: 20))?.contains("longer than the day") == true)
        #expect(refusal(F.explicit([1, 1], interval: 20))?.hasPrefix("appointmentTemplates[0].places") == true)
        #expect(refusal(F.explicit([1, 1, -1, 1, 1, 1], interval: 20))?.contains("got -1") == true)
        #expect(
            refusal(AppointmentTemplate(office: F.office, intervalMinutes: 25, places: .rule(.uniform)))?
                .hasPrefix("appointmentTemplates[0].interval") == true)
        #expect(
            refusal(F.explicit([1, 1, 1, 1, 1, 1], interval: 20, overbook: [0, 1]))?
                .hasPrefix("appointmentTemplates[0].overbook") == true)
        #expect(
            refusal(AppointmentTemplate(office: OfficeID("nowhere"), intervalMinutes: 20, places: .rule(.uniform)))
                == "appointmentTemplates[0].office: unknown office 'nowhere'")
        #expect(
            refusal(AppointmentTemplate(service: ServiceID("nothing"), intervalMinutes: 20, places: .rule(.uniform)))
                == "appointmentTemplates[0].service: unknown service 'nothing'")
        #expect(refusal(F.explicit([1, 1, 1, 1, 1, 1], interval: 20)) == nil)
    }

    @Test func configurationsWithoutTemplatesReadAndWriteAsBefore() throws {
        let old = F.configuration([])
        let json = try JSONEncoder().encode(old)
        #expect(!String(decoding: json, as: UTF8.self).contains("appointmentTemplates"))
        #expect(try JSONDecoder().decode(AllocatorConfiguration.self, from: json) == old)
        let templated = F.configuration([
            F.explicit([1, 2, 0, 1, 1, 1], interval: 20, overbook: [0, 0, 0, 0, 0, 1]),
            AppointmentTemplate(
                service: F.service, weekdays: [.tuesday], dates: [F.tuesday], intervalMinutes: 30,
                places: .rule(.baileyWelch)),
        ])
        #expect(
            try JSONDecoder().decode(AllocatorConfiguration.self, from: JSONEncoder().encode(templated)) == templated)
    }
}
