import AntreanCity
import AntreanEngine
import AntreanScenario
import Foundation
import Testing

@testable import AntreanFit

/// The loop the fit exists for: a trace the simulator writes from a known scenario, fitted, gives back
/// that scenario's parameters within their confidence intervals (99%: 2.576 standard errors, so that
/// the five checks together rarely fail by chance), and the fragment it writes loads as part of a scenario.
@Suite("simulate → trace → fit round trip")
struct RoundTripTests {
    /// One kelurahan office at ~80% load, so that walk-ins wait and some leave: 80 visits a day, half
    /// walk-ins, lognormal service times, 15% no-shows, patience exponential with mean 20 minutes.
    static let scenario = """
        model: city
        name: round trip
        run: { start: 2026-11-23, days: 42, warm_up_days: 14, replications: 2, seed: 5, wait_target: 15m }
        policy: home-earliest
        booked_before_walk_ins: true
        check_in: booking_reference
        calendar:
          hours: { monday: 08:00-16:00, tuesday: 08:00-16:00, wednesday: 08:00-16:00, thursday: 08:00-16:00, friday: 08:00-16:00 }
        services:
          letter: { at: kelurahan, service_time: 'lognormal(mean=10m, sd=5m)', visits_per_1000_per_day: 4 }
        citizens:
          booking_share: { digital: 50%, other: 50% }
          lead_time: exponential(mean=3d)
          no_show: 15%
          cancel_share: 5%
          punctuality: normal(mean=-5m, sd=3m)
          walk_in_patience: exponential(mean=20m)
        kecamatan:
          k: { name: K }
        offices:
          a: { kind: kelurahan, kecamatan: k, population: 20000, counters: 2 }
        """

    static func within99(_ estimate: Double, _ truth: Double, standardError: Double) -> Bool {
        abs(estimate - truth) <= 2.575829 * standardError
    }

    @Test func fittingASimulatedTraceGivesBackTheScenario() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenarioPath = folder.appendingPathComponent("city.yaml").path
        try Data(Self.scenario.utf8).write(to: URL(fileURLWithPath: scenarioPath))
        guard case .city(let city) = try Scenario.load(path: scenarioPath) else { throw FitError("not a city") }
        let tracePath = folder.appendingPathComponent("trace.csv").path
        _ = try CitySimulation(city.model).summarizeReplications(
            2, days: 42, seed: 5, threads: 2, trace: TraceRequest(path: tracePath, format: .csv))
        let fit = try LogFit.fit(path: tracePath)
        #expect(fit.badRowCount == 0)

        // Service time: the family and its two moments.
        let service = try #require(fit.serviceTimes.first { $0.service == "letter" }?.fit)
        let chosen = try #require(service.chosen)
        #expect(chosen.family == .lognormal, "\(service.candidates.map { ($0.family, $0.aic) })")
        #expect(
            Self.within99(service.mean, 10, standardError: service.meanHalfWidth / 1.959964), "mean \(service.mean)")
        #expect(
            Self.within99(chosen.second, log(1.25).squareRoot(), standardError: chosen.shapeHalfWidth / 1.959964),
            "σ \(chosen.second)")

        // No-shows among bookings not cancelled.
        let share = fit.noShow.share
        #expect(
            Self.within99(share, 0.15, standardError: (0.15 * 0.85 / Double(fit.noShow.trials)).squareRoot()),
            "no-show \(share) of \(fit.noShow.trials)")

        // Walk-ins per open day: 80 visits × 50% walk in.
        let weekdayRates = fit.arrivalRates.filter { $0.weekday < 5 }
        let walkIns = weekdayRates.reduce(0) { $0 + $1.walkIns }
        let days = fit.daysByWeekday.prefix(5).reduce(0, +)
        #expect(days == 2 * 30)  // 6 weeks × 5 weekdays × 2 replications
        let rate = Double(walkIns) / Double(days)
        #expect(Self.within99(rate, 40, standardError: Double(walkIns).squareRoot() / Double(days)), "\(rate)/day")

        // Patience, from those who left and the served as censored.
        let patience = try #require(fit.patienceExponential)
        #expect(patience.events > 100)
        #expect(
            Self.within99(log(patience.mean), log(20), standardError: 1 / Double(patience.events).squareRoot()),
            "patience \(patience.mean) from \(patience.events) events")

        // Punctuality: arrival − slot start, its mean and its spread (the standard error of a normal
        // sample's standard deviation is σ / √(2n)).
        #expect(Self.within99(fit.punctuality.mean, -5, standardError: 3 / Double(fit.punctuality.count).squareRoot()))
        #expect(
            Self.within99(
                fit.punctuality.standardDeviation, 3,
                standardError: 3 / (2 * Double(fit.punctuality.count)).squareRoot()),
            "punctuality sd \(fit.punctuality.standardDeviation)")

        // No-shows by lead time: the scenario's share does not depend on it, so every band with 100
        // bookings or more gives back 15% (99.9%: 3.29 standard errors, as there are several bands).
        let bands = fit.noShowBands.filter { $0.noShows.trials >= 100 }
        #expect(bands.count >= 2, "\(fit.noShowBands.map { ($0.label, $0.noShows.trials) })")
        for band in bands {
            let trials = Double(band.noShows.trials)
            #expect(
                abs(band.noShows.share - 0.15) <= 3.290527 * (0.15 * 0.85 / trials).squareRoot(),
                "no-show \(band.noShows.share) of \(band.noShows.trials) booked \(band.label) ahead")
        }

        // The fragment, included after the scenario, replaces its service time and citizens' fields.
        let fragmentPath = folder.appendingPathComponent("fitted.yaml").path
        try Data(ScenarioFragment.text(fit, arrivalsFile: "fitted.arrivals.csv").utf8)
            .write(to: URL(fileURLWithPath: fragmentPath))
        let whatIf = folder.appendingPathComponent("what-if.yaml").path
        try Data("include: [city.yaml, fitted.yaml]\n".utf8).write(to: URL(fileURLWithPath: whatIf))
        guard case .city(let refitted) = try Scenario.load(path: whatIf) else { throw FitError("not a city") }
        let loaded = try #require(refitted.model.services.first)
        #expect(abs(loaded.serviceTime.mean - chosen.mean) < 0.01)
        #expect(abs(refitted.model.citizens.noShowProbability - share) < 1e-4)
        #expect(abs(refitted.model.citizens.walkInPatience.mean - patience.mean) < 0.01)
    }
}
