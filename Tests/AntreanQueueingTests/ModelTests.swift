import AntreanEngine
import Testing

@testable import AntreanQueueing

@Suite struct ModelTests {
    static let mm5 = QueueSpec(
        name: "A", counters: 5, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 4.5),
        patience: .exponential(mean: 10))

    /// Run to empty (no warm-up): the area under the number in system is exactly the sum of the
    /// times in system, so L = λW holds to rounding, and every arrival was served or abandoned.
    @Test func littlesLawAndConservationHoldExactlyWhenTheSystemEmpties() throws {
        let other = QueueSpec(
            name: "B", counters: 2, service: .gamma(shape: 2, scale: 0.4), arrivals: .poisson(ratePerMinute: 1.5))
        let spec = QueueNetworkSpec(queues: [Self.mm5, other], runLength: .arrivals(30_000))
        let samples = try QueueNetworkSimulation(spec).runReplications(3, seed: 11, threads: 1)
        for sample in samples {
            #expect(sample["overall.arrivals"] == 30_000)
            for prefix in ["queues.B.", "overall."] {
                let arrivals = sample[prefix + "arrivals"]!
                let window = sample[prefix + "observed_minutes"]!
                let lambda = arrivals / window
                #expect(sample[prefix + "served"]! + sample[prefix + "abandoned"]! == arrivals)
                if prefix == "queues.B." {
                    let l = sample[prefix + "in_system"]!
                    let w = sample[prefix + "system_minutes"]!
                    #expect(abs(l - lambda * w) <= 1e-9 * l)
                    let lq = sample[prefix + "queue_length"]!
                    #expect(abs(lq - lambda * sample[prefix + "wait_minutes"]!) <= 1e-9 * max(lq, 1e-9))
                }
            }
            #expect(sample["queues.A.abandoned"]! > 0)
            // With abandonment, L = λW holds with W over every customer, served or abandoned.
            let lambda = sample["queues.A.arrival_rate_per_minute"]!
            let l = sample["queues.A.in_system"]!
            #expect(abs(l - lambda * sample["queues.A.system_all_minutes"]!) <= 1e-9 * l)
            let lq = sample["queues.A.queue_length"]!
            #expect(abs(lq - lambda * sample["queues.A.wait_all_minutes"]!) <= 1e-9 * lq)
            #expect(abs(lambda - sample["queues.A.arrivals"]! / sample["queues.A.observed_minutes"]!) <= 1e-12 * lambda)
        }
    }

    @Test func sameSeedSameNumbersWhateverTheThreadCount() throws {
        let spec = QueueNetworkSpec(queues: [Self.mm5], runLength: .minutes(2_000), warmUpMinutes: 100)
        let simulation = try QueueNetworkSimulation(spec)
        let one = try simulation.runReplications(6, seed: 99, threads: 1)
        #expect(try one == simulation.runReplications(6, seed: 99, threads: 2))
        #expect(try one == simulation.runReplications(6, seed: 99, threads: 4))
        #expect(try one[4] == simulation.run(seed: 99, replication: 4))
        #expect(one[0] != one[1])
        #expect(try one != simulation.runReplications(6, seed: 100, threads: 2))
    }

    /// Adding a queue leaves the first queue's numbers unchanged (streams are per queue and purpose).
    @Test func addingAQueueDoesNotReshuffleTheOthers() throws {
        let alone = try QueueNetworkSimulation(QueueNetworkSpec(queues: [Self.mm5], runLength: .minutes(1_000)))
        let other = QueueSpec(
            name: "Z", counters: 1, service: .deterministic(0.5), arrivals: .poisson(ratePerMinute: 1))
        let together = try QueueNetworkSimulation(
            QueueNetworkSpec(queues: [Self.mm5, other], runLength: .minutes(1_000)))
        let a = try alone.run(seed: 5, replication: 2)
        let b = try together.run(seed: 5, replication: 2)
        for key in ["arrivals", "served", "abandoned", "wait_minutes", "queue_length"] {
            #expect(a["queues.A." + key] == b["queues.A." + key])
        }
    }

    /// Memory follows the customers present, not the customers simulated.
    @Test func customerRecordsAreReused() throws {
        let spec = QueueNetworkSpec(queues: [Self.mm5], runLength: .arrivals(200_000))
        var model = QueueModel(simulation: try QueueNetworkSimulation(spec), seed: 1, replication: 0)
        defer { model.deallocate() }
        model.run()
        #expect(model.customers.records.count == 0)
        #expect(model.customers.records.capacity < 500)
    }

    @Test func warmUpExcludesEarlyArrivals() throws {
        let spec = QueueNetworkSpec(queues: [Self.mm5], runLength: .minutes(1_000), warmUpMinutes: 400)
        let sample = try QueueNetworkSimulation(spec).run(seed: 3, replication: 0)
        #expect(sample["overall.observed_minutes"] == 600)
        // Poisson count over 600 minutes: mean 2700, sd 52; 6 sd either side.
        #expect(abs(sample["overall.arrivals"]! - 2_700) < 6 * 2_700.0.squareRoot())
    }

    @Test(arguments: [
        (QueueNetworkSpec(queues: [], runLength: .minutes(10)), "no queues"),
        (QueueNetworkSpec(queues: [ModelTests.mm5], runLength: .minutes(10), warmUpMinutes: 20), "warm-up"),
        (QueueNetworkSpec(queues: [ModelTests.mm5, ModelTests.mm5], runLength: .minutes(10)), "two queues"),
        (
            QueueNetworkSpec(
                queues: [
                    QueueSpec(name: "X", counters: 0, service: .deterministic(1), arrivals: .poisson(ratePerMinute: 1))
                ],
                runLength: .minutes(10)), "queue \"X\".counters"
        ),
        (
            QueueNetworkSpec(
                queues: [
                    QueueSpec(
                        name: "X", counters: 1, service: .exponential(mean: -2), arrivals: .poisson(ratePerMinute: 1))
                ],
                runLength: .minutes(10)), "queue \"X\".service: exponential: mean"
        ),
        (
            QueueNetworkSpec(
                queues: [
                    QueueSpec(
                        name: "X", counters: 1, service: .deterministic(1),
                        arrivals: .hourlyProfile(ratesPerHour: [0, 0]))
                ],
                runLength: .minutes(10)), "every hourly rate is zero"
        ),
        (QueueNetworkSpec(queues: [ModelTests.mm5], runLength: .arrivals(0)), "positive number of arrivals"),
    ])
    func invalidSpecsAreRejectedWithAClearMessage(_ spec: QueueNetworkSpec, _ mention: String) {
        #expect {
            _ = try QueueNetworkSimulation(spec)
        } throws: { error in
            (error as? QueueNetworkError)?.message.contains(mention) == true
        }
    }
}
