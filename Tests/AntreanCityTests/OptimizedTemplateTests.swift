import AntreanAllocator
import AntreanEngine
import AntreanPlanning
import AntreanSchedule
import Testing

@testable import AntreanCity

/// The template optimiser of `antrean schedule CITY.yaml` (issue 18): the one-office city it searches
/// is the office as the whole city sees it, and a city with optimized templates still accounts for
/// every citizen once and never sells more than a slot holds.
@Suite struct OptimizedTemplateTests {
    /// Under home-earliest an office's citizens book nowhere else, so the office simulated alone sees
    /// exactly what it sees in the whole city: every figure of the office is identical, for the MPP,
    /// a kecamatan office and a kelurahan office (whose demand the sub-model rebuilds differently).
    @Test(arguments: ["mpp", "kec_hulu", "sungai"])
    func officeAloneIsTheOfficeInTheWholeCity(office: String) throws {
        let scenario = try CityFixtures.fixture("small-city.yaml")
        let whole = try CitySimulation(scenario.model).run(days: 7, seed: 5, replication: 2)
        let alone = try CitySimulation(scenario.model.officeSubModel(office)).run(days: 7, seed: 5, replication: 2)
        let prefix = "offices.\(office)."
        let keys = whole.values.keys.filter { $0.hasPrefix(prefix) }.sorted()
        #expect(keys.count > 40)
        #expect((whole["\(prefix)served"] ?? 0) > 20)
        for key in keys {
            let (a, b) = (whole[key]!, alone[key] ?? .infinity)
            #expect(a == b || (a.isNaN && b.isNaN), "\(key): whole city \(a), office alone \(b)")
        }
    }

    /// The waits split by how the citizen came: both kinds occur in the small city, and the mean wait
    /// of all served citizens is a weighted mean of the two, so it lies between them.
    @Test func bookedAndWalkInWaitsSplitTheWaits() throws {
        let scenario = try CityFixtures.fixture("small-city.yaml")
        let sample = try CitySimulation(scenario.model).run(days: 14, seed: 2, replication: 0)
        for scope in ["overall", "offices.pasar"] {
            let booked = try #require(sample["\(scope).wait_minutes.booked"])
            let walkIn = try #require(sample["\(scope).wait_minutes.walk_in"])
            let all = try #require(sample["\(scope).wait_minutes"])
            #expect(booked.isFinite && walkIn.isFinite && walkIn > 0 && booked != walkIn)
            #expect(min(booked, walkIn) - 1e-9 <= all && all <= max(booked, walkIn) + 1e-9)
            #expect((sample["\(scope).wait_minutes.walk_in.p90"] ?? 0) >= walkIn)
        }
    }

    /// Under a policy that books across offices the model is not cut: the sub-model is the city.
    @Test func otherPoliciesKeepTheWholeCity() throws {
        let scenario = try CityFixtures.fixture("small-city.yaml", overrides: ["policy=least-loaded"])
        #expect(scenario.model.officeSubModel("sungai").offices.count == scenario.model.offices.count)
    }

    /// The hook replaces exactly the keyed plan and leaves the others as apportioned.
    @Test func placesOverrideReplacesOnlyItsOwnPlan() throws {
        var model = try CityFixtures.fixture("small-city.yaml").model
        let before = model.allocatorConfiguration()
        let slots = try #require(
            before.offices.first { $0.id.rawValue == "sungai" }?.services.first { $0.service.rawValue == "letter" }?
                .slotCapacityByWeekday?[.tuesday]?.count)
        let vector = (0..<slots).map { $0 % 3 }
        model.placesOverride[PlacesOverrideKey(office: "sungai", service: "letter", weekday: .tuesday)] = vector
        let after = model.allocatorConfiguration()
        for (office, original) in zip(after.offices, before.offices) {
            for (service, plan) in zip(office.services, original.services) {
                for weekday in Weekday.allCases {
                    let overridden =
                        office.id.rawValue == "sungai" && service.service.rawValue == "letter" && weekday == .tuesday
                    #expect(
                        service.slotCapacityByWeekday?[weekday]
                            == (overridden ? vector : plan.slotCapacityByWeekday?[weekday]))
                }
            }
        }
    }

    /// The search's result applied to the whole city: every citizen ends exactly once, no slot's pool
    /// (online, walk-in or priority reserve) holds more than the template gives it, and the
    /// allocator's own invariants (quotas included) hold. A front-loaded extreme is checked too, so
    /// that the check does not depend on how far the search moved.
    @Test func optimizedCityConservesCitizensAndCapacity() throws {
        let scenario = try CityFixtures.fixture("small-city.yaml")
        let scope = try TemplateScope(model: scenario.model, weekday: "monday")
        let settings = try TemplateSearchSettings(
            weights: try ScheduleWeights(wait: 1, idle: 0.2, overtime: 1), days: 7, warmUpDays: 7, replications: 3,
            seed: 3, maximumEvaluations: 6)
        let results = try TemplateSearch.optimize(scope, settings: settings, threads: 2)
        var optimized: CityTemplates = [:]
        for result in results { optimized.merge(result.optimized) { a, _ in a } }
        var frontLoaded = optimized
        for (key, template) in frontLoaded {
            let places = template.places
            frontLoaded[key]?.places = [places.reduce(0, +)] + Array(repeating: 0, count: places.count - 1)
        }
        let current = scope.currentTemplates()
        for templates in [optimized, frontLoaded] {
            let (model, simulation) = try scenario.model.simulated(with: templates, current: current)
            for replication in 0..<2 {
                let audit = simulation.auditCapacity(days: scenario.days, seed: 9, replication: replication)
                ConservationTests.checkConservation(audit.sample, model: model)
                #expect(audit.overflows.isEmpty, "\(audit.overflows.prefix(3))")
                #expect(audit.invariantViolations.isEmpty, "\(audit.invariantViolations.prefix(3))")
                #expect(audit.bookingsChecked > 50)
            }
        }
    }
}
