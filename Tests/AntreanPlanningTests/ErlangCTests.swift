import Foundation
import Testing

@testable import AntreanPlanning

@Suite struct ErlangCTests {
    @Test func mm5MatchesTheClosedForm() {
        // a = 4.5, c = 5: C = 0.76249, Wq = 1.52499 (Simulations/validation/mm5.yaml).
        let waiting = ErlangC.probabilityOfWaiting(servers: 5, offeredLoad: 4.5)
        #expect(abs(waiting - 0.762_493_22) < 1e-8)
        #expect(abs(ErlangC.meanWait(servers: 5, arrivalRate: 4.5, meanService: 1) - 1.524_986_44) < 1e-7)
    }

    @Test func singleServerReducesToMM1() {
        for rho in [0.1, 0.5, 0.9, 0.99] {
            #expect(abs(ErlangC.blockingProbability(servers: 1, offeredLoad: rho) - rho / (1 + rho)) < 1e-14)
            #expect(abs(ErlangC.probabilityOfWaiting(servers: 1, offeredLoad: rho) - rho) < 1e-14)
            // M/M/1 with μ = 1: Wq = ρ / (1 − ρ).
            let expected = rho / (1 - rho)
            #expect(abs(ErlangC.meanWait(servers: 1, arrivalRate: rho, meanService: 1) - expected) < 1e-12 * expected)
        }
    }

    @Test func erlangBMatchesTheDirectSumForSmallCases() {
        for servers in 1...12 {
            for load in [0.5, 3.0, 8.0] {
                var terms: [Double] = []
                var term = 1.0
                for k in 0...servers {
                    if k > 0 { term *= load / Double(k) }
                    terms.append(term)
                }
                let direct = terms.last! / terms.reduce(0, +)
                #expect(abs(ErlangC.blockingProbability(servers: servers, offeredLoad: load) - direct) < 1e-13)
            }
        }
    }

    @Test func staysFiniteForThousandsOfServers() {
        let waiting = ErlangC.probabilityOfWaiting(servers: 5_000, offeredLoad: 4_950)
        #expect(waiting > 0 && waiting < 1)
        #expect(ErlangC.meanWait(servers: 5, arrivalRate: 5, meanService: 1) == .infinity)
    }

    @Test func quantileInvertsTheTail() {
        for p in [0.5, 0.8, 0.9, 0.99] {
            let q = ErlangC.waitQuantile(p, servers: 5, arrivalRate: 4.5, meanService: 1)
            let tail = ErlangC.probabilityWaitExceeds(q, servers: 5, arrivalRate: 4.5, meanService: 1)
            #expect(abs(tail - (1 - p)) < 1e-12)
        }
        // Fewer than 1 − p wait at all: the quantile is zero.
        #expect(ErlangC.waitQuantile(0.5, servers: 10, arrivalRate: 4.5, meanService: 1) == 0)
    }

    @Test func fewestServersIsTheFirstThatMeetsTheTarget() throws {
        let targets = ["mean wait <= 0.5m", "p90 wait <= 2m", "within 1m >= 80%", "p99 wait <= 30s"]
        for text in targets {
            let target = try ServiceTarget(parsing: text)
            let servers = try #require(ErlangC.fewestServers(for: target, arrivalRate: 4.5, meanService: 1))
            #expect(ErlangC.meets(target, servers: servers, arrivalRate: 4.5, meanService: 1))
            #expect(!ErlangC.meets(target, servers: servers - 1, arrivalRate: 4.5, meanService: 1))
        }
        // Hand-checked from the closed forms: Wq(5) = 1.52, Wq(6) = 0.281.
        #expect(
            ErlangC.fewestServers(
                for: try ServiceTarget(parsing: "mean wait <= 0.5m"), arrivalRate: 4.5, meanService: 1) == 6)
    }
}

@Suite struct ServiceTargetTests {
    @Test func parsesTheThreeForms() throws {
        let p90 = try ServiceTarget(parsing: "p90 wait <= 15m")
        #expect(p90.kind == .quantile(level: 0.9) && p90.minutes == 15 && p90.metricName == "wait_minutes.p90")
        let mean = try ServiceTarget(parsing: "mean wait <= 1.5h")
        #expect(mean.kind == .mean && mean.minutes == 90)
        let share = try ServiceTarget(parsing: "within 15m >= 80%")
        #expect(share.kind == .shareWithin(share: 0.8) && share.minutes == 15)
        #expect(p90.description == "p90 wait <= 15m")
        #expect(share.description == "within 15m >= 80%")
    }

    @Test func rejectsNonsenseWithAnExample() {
        for text in ["", "p90 wait < 15m", "median wait <= 3m", "within 15x >= 80%", "within 15m >= 180%"] {
            #expect(throws: ServiceTargetError.self) { try ServiceTarget(parsing: text) }
        }
    }
}

@Suite struct TimeVaryingStaffingTests {
    @Test func constantRateGivesTheStationaryAnswerEitherWay() throws {
        let target = try ServiceTarget(parsing: "mean wait <= 0.5m")
        let rates = Array(repeating: 4.5, count: 8)
        let sipp = TimeVaryingStaffing.servers(
            for: target, ratesPerPeriod: rates, periodMinutes: 60, meanService: 1, method: .sipp)
        #expect(sipp.allSatisfy { $0 == 6 })
        // MOL: m(t) = a(1 − e^{−t}) reaches a within rounding after the first hour.
        let mol = TimeVaryingStaffing.servers(for: target, ratesPerPeriod: rates, periodMinutes: 60, meanService: 1)
        #expect(mol.dropFirst().allSatisfy { $0 == 6 })
    }

    @Test func offeredLoadLagsARateDrop() {
        // Service of 30 min, 15-min periods: after a drop from 6/min to 1/min the load is still high.
        let loads = TimeVaryingStaffing.peakOfferedLoads(
            ratesPerPeriod: [6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 1], periodMinutes: 15, meanService: 30)
        let expectedPeak = 180 * (1 - exp(-150.0 / 30))
        #expect(abs(loads[9] - expectedPeak) < 1e-9)
        #expect(loads[10] == loads[9])  // the peak of the drop period is its start
        #expect(loads[10] > 1 * 30)
    }
}

@Suite struct ErlangATests {
    /// With patience rate θ = μ every customer leaves at rate μ whether waiting or served, so the
    /// number in system is that of M/M/∞: Poisson(a). Then P(W > 0) = P(N ≥ n) and
    /// E[W] = E[(N − n)⁺] / λ (Little on the queue).
    @Test func equalPatienceAndServiceRatesGiveTheInfiniteServerQueue() {
        for (n, load) in [(3, 2.0), (5, 4.5), (10, 12.0), (40, 35.0)] {
            var probabilities: [Double] = []
            var p = exp(-load)
            for k in 0..<400 {
                probabilities.append(p)
                p *= load / Double(k + 1)
            }
            let atLeastN = probabilities[n...].reduce(0, +)
            let queue = probabilities.indices.reduce(0.0) { $0 + Double(max(0, $1 - n)) * probabilities[$1] }
            let measures = ErlangA.measures(servers: n, arrivalRate: load, meanService: 1, meanPatience: 1)
            #expect(abs(measures.probabilityOfWaiting - atLeastN) < 1e-10)
            #expect(abs(measures.meanWait - queue / load) < 1e-10)
            #expect(abs(measures.probabilityOfAbandoning - queue / load) < 1e-10)  // θ = 1
        }
    }

    /// Very patient customers: Erlang A tends to Erlang C.
    @Test func veryPatientCustomersGiveErlangC() {
        let measures = ErlangA.measures(servers: 5, arrivalRate: 4.5, meanService: 1, meanPatience: 1e7)
        #expect(abs(measures.probabilityOfWaiting - ErlangC.probabilityOfWaiting(servers: 5, offeredLoad: 4.5)) < 1e-5)
        #expect(abs(measures.meanWait - ErlangC.meanWait(servers: 5, arrivalRate: 4.5, meanService: 1)) < 1e-4)
    }

    @Test func overloadedButStable() {
        let measures = ErlangA.measures(servers: 5, arrivalRate: 7, meanService: 1, meanPatience: 10)
        #expect(measures.probabilityOfAbandoning > 1 - 5.0 / 7 - 1e-9 && measures.probabilityOfAbandoning < 1)
        #expect(measures.meanWait.isFinite)
    }
}

@Suite struct HourlyStaffingTests {
    /// Open 08–16 at 270/h with 1-minute service: every open hour needs the stationary count (the
    /// load settles within minutes), and after closing the load decays to nothing within the hour.
    @Test func flatDayNeedsTheStationaryCountEveryHour() throws {
        let target = try ServiceTarget(parsing: "mean wait <= 0.5m")
        var hourly = Array(repeating: 0.0, count: 24)
        for hour in 8..<16 { hourly[hour] = 4.5 }
        let unit = StaffingUnit(
            id: "desk", scope: "queues.desk", currentCounters: 1, staffedHours: 8, arrivalRate: 4.5, meanService: 1,
            hourlyArrivalRates: hourly + hourly)
        let table = HourlyStaffing(units: [unit], target: target)
        let stationary = ErlangC.fewestServers(for: target, arrivalRate: 4.5, meanService: 1)
        let open = table.rows.filter { $0.arrivalsPerHour > 0 }
        #expect(open.map(\.hour) == Array(8..<16))
        #expect(open.allSatisfy { $0.sipp == stationary && $0.modifiedOfferedLoad == stationary })
        // 16:00: the office is closed; the load still lagging then is served by the counters of 15:00.
        #expect(table.rows.first { $0.hour == 16 } == nil)
        #expect(table.csvText().hasPrefix("unit,hour,arrivals_per_hour,offered_load,sipp,mol\ndesk,8,270.0,"))
    }
}
