import AntreanEngine
import Foundation
import Testing

@testable import AntreanSchedule

/// The exact recursion against the discrete-event engine itself (issue 18, "Correct means": the
/// exact evaluator agrees with a simulation of the same session by the engine, many replications).
/// `SimulatedSessionEvaluator` is this module's own direct simulation; this test builds the session
/// from `AntreanEngine`'s kernel (`Simulation`, its pending-event set and clock) and its
/// `MultiServerResource` (the FIFO line and the busy-time integral), with its own random streams and
/// inverse-transform exponential service times, so it shares no code with either evaluator.
@Suite("Exact evaluator against the event engine")
struct EngineAgreementTests {
    enum SessionEvent {
        case arrive(Int32)
        case finish
    }

    /// One replication of a session: citizens arrive at their interval's start (punctual), one
    /// counter serves them first come first served.
    /// Nobody leaves the line: the session has no reneging.
    struct PatientLine: WaitingCustomers {
        func hasAbandoned(_ customer: Int32) -> Bool { false }
        mutating func discard(_ customer: Int32) {}
    }

    struct Session: EventHandler {
        var counter = MultiServerResource(servers: 1)
        var line = PatientLine()
        var arrivals: [Double]
        var services: [Double]
        var totalWait = 0.0
        var lastCompletion = 0.0

        mutating func handle(_ event: SessionEvent, at time: Double, in simulation: inout Simulation<SessionEvent>) {
            switch event {
            case .arrive(let citizen):
                if counter.request(citizen, at: time) { start(citizen, at: time, in: &simulation) }
            case .finish:
                lastCompletion = time
                if let next = counter.release(at: time, customers: &line) { start(next, at: time, in: &simulation) }
            }
        }

        mutating func start(_ citizen: Int32, at time: Double, in simulation: inout Simulation<SessionEvent>) {
            totalWait += time - arrivals[Int(citizen)]
            simulation.schedule(.finish, at: time + services[Int(citizen)])
        }
    }

    /// Wait per expected arrival, idle within the session, overtime and makespan of replication `r`.
    static func replicate(
        _ places: [Int], intervalMinutes d: Double, meanService: Double, noShow: Double, replication r: Int
    ) -> [Double] {
        var shows = RandomStream(seed: 1952, replication: r, purpose: "engine-agreement/show")
        var serviceStream = RandomStream(seed: 1952, replication: r, purpose: "engine-agreement/service")
        var arrivals: [Double] = []
        var services: [Double] = []
        for (t, count) in places.enumerated() {
            for _ in 0..<count {
                // Every citizen draws a service time, shown or not, so the draws stay aligned.
                let service = -meanService * Foundation.log(serviceStream.nextOpenUniform())
                if shows.nextUniform() >= noShow {
                    arrivals.append(Double(t) * d)
                    services.append(service)
                }
            }
        }
        var simulation = Simulation<SessionEvent>()
        for citizen in arrivals.indices { simulation.schedule(.arrive(Int32(citizen)), at: arrivals[citizen]) }
        var session = Session(arrivals: arrivals, services: services)
        let end = Double(places.count) * d
        simulation.run(&session, until: end)
        let busy = session.counter.busyServers.integral(until: end)
        simulation.run(&session)
        let expectedArrivals = Double(places.reduce(0, +)) * (1 - noShow)
        return [
            session.totalWait / expectedArrivals, end - busy, max(0, session.lastCompletion - end),
            session.lastCompletion,
        ]
    }

    /// Bailey's classic case (12 citizens, intervals equal to the mean service of 10 minutes,
    /// exponential service, punctual): the individual schedule and Bailey–Welch, without and with 20%
    /// no-shows. Each exact figure (wait, idle, overtime, makespan) must lie inside the simulation's
    /// confidence interval; the 16 intervals are Bonferroni-widened (each 1 − 0.05/16) so that all
    /// of them hold together with probability 95% when the recursion is right.
    @Test func exactAgreesWithTheEventEngineInBaileysCase() throws {
        let replications = 40_000
        let z = 2.955  // Φ⁻¹(1 − 0.025/16)
        let names = ["wait", "idle", "overtime", "makespan"]
        for noShow in [0.0, 0.2] {
            let exact = try exactSession(citizens: 12, intervals: 12, noShow: noShow)
            for places in [
                ReferenceSchedules.uniform(citizens: 12, intervals: 12),
                ReferenceSchedules.baileyWelch(citizens: 12, intervals: 12),
            ] {
                let expected = try exact.evaluate(places)
                let values = [
                    expected.waitMinutes, expected.idleMinutes, expected.overtimeMinutes, expected.makespanMinutes,
                ]
                var figures = [Welford](repeating: Welford(), count: 4)
                for r in 0..<replications {
                    let sample = Self.replicate(
                        places, intervalMinutes: 10, meanService: 10, noShow: noShow, replication: r)
                    for k in 0..<4 { figures[k].add(sample[k]) }
                }
                for k in 0..<4 {
                    let halfWidth = z * (figures[k].variance / Double(replications)).squareRoot()
                    #expect(
                        abs(figures[k].mean - values[k]) <= halfWidth,
                        "q=\(noShow) \(places) \(names[k]): exact \(values[k]), engine \(figures[k].mean) ± \(halfWidth)"
                    )
                }
            }
        }
    }
}
