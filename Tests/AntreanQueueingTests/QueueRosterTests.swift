import AntreanEngine
import Testing

@testable import AntreanQueueing

/// Rosters in queue scenarios: counters by weekday and time block (minute 0 is a Monday's 00:00).
@Suite struct QueueRosterTests {
    /// A queue with a daily profile, patience and priority classes: every stream and event type in play.
    static func busyQueue(roster: QueueRoster?) -> QueueSpec {
        QueueSpec(
            name: "desk", counters: 3, service: .gamma(shape: 4, scale: 1),
            arrivals: .hourlyProfile(
                ratesPerHour: [10, 10, 10, 10, 10, 10, 10, 10, 40, 55, 50, 35] + Array(repeating: 25, count: 12)),
            patience: .exponential(mean: 20), discipline: .priority,
            classes: [
                CustomerClass(name: "elderly", share: 0.2, priority: 0),
                CustomerClass(name: "others", share: 0.8, priority: 1),
            ],
            roster: roster)
    }

    static func run(_ queue: QueueSpec, minutes: Double = 3 * 1440, replication: Int) throws -> MetricSample {
        let spec = QueueNetworkSpec(
            queues: [queue], runLength: .minutes(minutes), warmUpMinutes: 60, waitTargetMinutes: 10)
        return try QueueNetworkSimulation(spec).run(seed: 11, replication: replication)
    }

    /// A roster that says what `counters: 3` says (one block over a day, hour blocks of 3, a block
    /// that leaves the rest of the day to `counters`) gives the same figures to the bit; a roster that
    /// differs does not (so the comparison can fail).
    @Test func rosterOfAllDayCountersGivesTheSameRunToTheBit() throws {
        let hourBlocks = (0..<24).map { QueueRosterBlock(start: $0 * 60, end: $0 * 60 + 60, counters: 3) }
        let same = QueueRoster(blocks: [
            0: [QueueRosterBlock(start: 0, end: 1440, counters: 3)], 1: hourBlocks,
            2: [QueueRosterBlock(start: 480, end: 720, counters: 3)],
        ])
        #expect(same.weeklySteps(default: 3).count == 1)
        for replication in 0..<2 {
            let plain = try Self.run(Self.busyQueue(roster: nil), replication: replication)
            let rostered = try Self.run(Self.busyQueue(roster: same), replication: replication)
            // Bit patterns, so that a NaN compares equal to itself.
            #expect(rostered.values.mapValues(\.bitPattern) == plain.values.mapValues(\.bitPattern))
            #expect(rostered.values.count > 20)
        }
        let fewer = QueueRoster(blocks: [1: [QueueRosterBlock(start: 480, end: 720, counters: 2)]])
        let changed = try Self.run(Self.busyQueue(roster: fewer), replication: 0)
        let plain = try Self.run(Self.busyQueue(roster: nil), replication: 0)
        #expect(changed["queues.desk.wait_minutes"] != plain["queues.desk.wait_minutes"])
        #expect(changed["queues.desk.arrivals"] == plain["queues.desk.arrivals"])
    }

    /// 4 counters from 00:00 to 12:00 every day and the queue's 3 after, at a steady 2 Erlang (Poisson
    /// 2/min, exponential service of 1 min): the hours of each half, pooled per replication, wait as
    /// M/M/4 and M/M/3 do by Erlang C (0.0870 and 0.4444 min). The first hour of each half is left out
    /// (the line the other half left behind), which the queue forgets within minutes. Utilization is
    /// the offered load over the mean rostered counters, 2 / 3.5. Twelve replications of four weeks.
    @Test func rosteredHalvesOfTheDayWaitAsErlangCSays() throws {
        let mornings = QueueRoster(
            blocks: Dictionary(
                uniqueKeysWithValues: (0..<7).map { ($0, [QueueRosterBlock(start: 0, end: 720, counters: 4)]) }))
        let queue = QueueSpec(
            name: "A", counters: 3, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 2),
            roster: mornings)
        let spec = QueueNetworkSpec(queues: [queue], runLength: .minutes(28 * 1440))
        let samples = try QueueNetworkSimulation(spec).runReplications(12, seed: 20_261_206, threads: 2)
        var pooled: [MetricSample] = []
        for sample in samples {
            var result = MetricSample()
            for (name, hours) in [("morning", 1..<12), ("afternoon", 13..<24)] {
                var served = 0.0
                var waited = 0.0
                for day in QueueRoster.weekdayKeys {
                    for hour in hours {
                        let key = "queues.A.block.\(day).\(hour < 10 ? "0" : "")\(hour)."
                        served += sample[key + "served"] ?? .nan
                        waited += (sample[key + "served"] ?? .nan) * (sample[key + "wait_minutes"] ?? .nan)
                        #expect(sample[key + "counters"] == (hour < 12 ? 4 : 3))
                    }
                }
                result[name] = waited / served
            }
            pooled.append(result)
        }
        let morning = Theory.mmcWait(servers: 4, arrivalRate: 2, serviceRate: 1)
        let afternoon = Theory.mmcWait(servers: 3, arrivalRate: 2, serviceRate: 1)
        #expect(abs(morning - 0.086_957) < 1e-5)
        #expect(abs(afternoon - 0.444_444) < 1e-5)
        expectAgreement(pooled, "morning", theory: morning)
        expectAgreement(pooled, "afternoon", theory: afternoon)
        expectAgreement(samples, "queues.A.utilization", theory: 2 / 3.5, relative: 0.02)
        #expect(samples.allSatisfy { $0["queues.A.counters"] == 3.5 })
    }

    /// Monday without counters: a run by arrivals whose 1000 customers all come on Monday (2/min) waits
    /// for Tuesday's counters, serves everyone, and ends.
    @Test func aBlockWithoutCountersHoldsTheLineUntilCountersComeOnDuty() throws {
        let queue = QueueSpec(
            name: "A", counters: 3, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 2),
            roster: QueueRoster(blocks: [0: [QueueRosterBlock(start: 0, end: 1440, counters: 0)]]))
        let spec = QueueNetworkSpec(queues: [queue], runLength: .arrivals(1000))
        let sample = try QueueNetworkSimulation(spec).run(seed: 3, replication: 0)
        #expect(sample["queues.A.served"] == 1000)
        // Each customer waits at least from its arrival (before about 600 min) to 1440.
        #expect((sample["queues.A.wait_minutes.p50"] ?? 0) > 1440 - 700)
        #expect((sample["queues.A.block.mon.00.served"] ?? -1) > 100)
    }

    @Test func rostersThatCannotRunAreRefused() {
        func refusal(_ roster: QueueRoster) -> String? {
            let queue = QueueSpec(
                name: "A", counters: 2, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 1),
                roster: roster)
            do {
                _ = try QueueNetworkSimulation(QueueNetworkSpec(queues: [queue], runLength: .minutes(100)))
                return nil
            } catch {
                return error.message
            }
        }
        let never = QueueRoster(
            blocks: Dictionary(
                uniqueKeysWithValues: (0..<7).map { ($0, [QueueRosterBlock(start: 0, end: 1440, counters: 0)]) }))
        #expect(refusal(never)?.contains("no counter is ever on duty") == true)
        #expect(refusal(QueueRoster(blocks: [7: []]))?.contains("weekday 7") == true)
        let overlapping = QueueRoster(blocks: [
            0: [QueueRosterBlock(start: 0, end: 600, counters: 1), QueueRosterBlock(start: 500, end: 700, counters: 2)]
        ])
        #expect(refusal(overlapping)?.contains("queue \"A\".roster.mon: blocks overlap") == true)
        let late = QueueRoster(blocks: [0: [QueueRosterBlock(start: 1400, end: 1500, counters: 1)]])
        #expect(refusal(late)?.contains("within 00:00-24:00") == true)
        let negative = QueueRoster(blocks: [0: [QueueRosterBlock(start: 0, end: 60, counters: -1)]])
        #expect(refusal(negative)?.contains("counters must lie in 0…100000") == true)
    }
}
