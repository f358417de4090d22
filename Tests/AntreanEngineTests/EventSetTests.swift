import Testing

@testable import AntreanEngine

@Suite struct EventSetTests {
    /// Pushes random times (with many ties) and checks that pops come out sorted by (time, sequence).
    func checkOrdering<Set: PendingEventSet>(_: Set.Type) where Set.Event == Int {
        var stream = RandomStream(seed: 1, replication: 0, purpose: "event-set")
        var set = Set(minimumCapacity: 0)
        var expected: [(Double, UInt64)] = []
        var popped: [(Double, UInt64)] = []
        for sequence in 0..<5_000 {
            let time = Double(stream.nextInt(below: 200))  // many simultaneous events
            set.insert(ScheduledEvent(time: time, sequence: UInt64(sequence), event: sequence))
            expected.append((time, UInt64(sequence)))
            if sequence % 3 == 0, let entry = set.removeFirst() {
                popped.append((entry.time, entry.sequence))
                #expect(entry.event == Int(entry.sequence))
            }
        }
        while let entry = set.removeFirst() { popped.append((entry.time, entry.sequence)) }
        #expect(popped.count == expected.count)
        // Interleaved pops: each pop must be the minimum of what was pending; check via a replay.
        var pending = Swift.Set<UInt64>()
        var byKey: [UInt64: Double] = [:]
        var cursor = 0
        var stream2 = RandomStream(seed: 1, replication: 0, purpose: "event-set")
        var index = 0
        for sequence in 0..<5_000 {
            let time = Double(stream2.nextInt(below: 200))
            pending.insert(UInt64(sequence))
            byKey[UInt64(sequence)] = time
            if sequence % 3 == 0 {
                let minimum = pending.min { (byKey[$0]!, $0) < (byKey[$1]!, $1) }!
                #expect(popped[index].1 == minimum)
                pending.remove(minimum)
                index += 1
            }
            cursor += 1
        }
        let rest = pending.sorted { (byKey[$0]!, $0) < (byKey[$1]!, $1) }
        #expect(popped[index...].map(\.1) == rest)
    }

    @Test func quaternaryHeapPopsInTimeThenScheduleOrder() { checkOrdering(QuaternaryHeap<Int>.self) }
    @Test func binaryHeapPopsInTimeThenScheduleOrder() { checkOrdering(BinaryHeap<Int>.self) }
    @Test func calendarQueuePopsInTimeThenScheduleOrder() { checkOrdering(CalendarQueue<Int>.self) }

    /// The hold model through each set, with continuous times, sizes that force the calendar to
    /// resize both ways and a far-future outlier: all sets return the same sequence.
    @Test func allSetsAgreeOnAHoldRun() {
        func run<Set: PendingEventSet>(_: Set.Type) -> [UInt64] where Set.Event == Int {
            var stream = RandomStream(seed: 4, replication: 0, purpose: "hold")
            var set = Set(minimumCapacity: 0)
            var sequence: UInt64 = 0
            var order: [UInt64] = []
            set.insert(ScheduledEvent(time: 1e9, sequence: sequence, event: 0))
            sequence += 1
            for size in [3_000, 50, 2_000] {
                while set.count < size {
                    set.insert(ScheduledEvent(time: stream.nextExponential(), sequence: sequence, event: 0))
                    sequence += 1
                }
                while set.count > size + 1 { order.append(set.removeFirst()!.sequence) }
                for _ in 0..<5_000 {
                    let first = set.removeFirst()!
                    order.append(first.sequence)
                    set.insert(
                        ScheduledEvent(time: first.time + stream.nextExponential(), sequence: sequence, event: 0))
                    sequence += 1
                }
            }
            while let entry = set.removeFirst() { order.append(entry.sequence) }
            return order
        }
        let reference = run(BinaryHeap<Int>.self)
        #expect(run(QuaternaryHeap<Int>.self) == reference)
        #expect(run(CalendarQueue<Int>.self) == reference)
        #expect(reference.last == 0)
    }

    @Test func simultaneousEventsFireInScheduleOrder() {
        checkTies(Simulation<Int>())
        checkTies(EventScheduler<Int, CalendarQueue<Int>>())
    }

    func checkTies<Pending: PendingEventSet>(_ empty: EventScheduler<Int, Pending>) {
        var sim = empty
        for label in 0..<100 { sim.schedule(label, at: 5) }
        sim.schedule(-1, at: 1)
        var fired: [Int] = []
        while let (_, label) = sim.next() { fired.append(label) }
        #expect(fired == [-1] + Array(0..<100))
    }

    @Test func cancelledEventsNeverFire() { checkCancellation(Simulation<Int>()) }
    @Test func cancelledEventsNeverFireOnACalendar() { checkCancellation(EventScheduler<Int, CalendarQueue<Int>>()) }

    func checkCancellation<Pending: PendingEventSet>(_ empty: EventScheduler<Int, Pending>) {
        var sim = empty
        var handles: [EventHandle] = []
        for label in 0..<50 { handles.append(sim.schedule(label, at: Double(label % 7))) }
        for (label, handle) in handles.enumerated() where label % 2 == 1 { sim.cancel(handle) }
        #expect(sim.pendingCount == 25)
        var fired: [Int] = []
        while let (time, label) = sim.next() {
            #expect(time == Double(label % 7))
            #expect(sim.now == time)
            fired.append(label)
        }
        #expect(fired.count == 25)
        #expect(fired.allSatisfy { $0 % 2 == 0 })
        #expect(sim.pendingCount == 0)
    }

    @Test func nextUntilStopsAtTheLimitAndLeavesLaterEvents() {
        var sim = Simulation<String>()
        sim.schedule("early", at: 3)
        sim.schedule("late", at: 10)
        #expect(sim.next(until: 5)?.event == "early")
        #expect(sim.next(until: 5) == nil)
        #expect(sim.now == 5)
        #expect(sim.nextEventTime() == 10)
        #expect(sim.next()?.event == "late")
    }

    struct Counter: EventHandler {
        var seen: [Double] = []
        mutating func handle(_ event: Int, at time: Double, in simulation: inout Simulation<Int>) {
            seen.append(time)
            if event > 0 { simulation.schedule(event - 1, after: 1.5) }
        }
    }

    @Test func handlerRunChainsEvents() {
        var sim = Simulation<Int>()
        sim.schedule(3, at: 0)
        var counter = Counter()
        sim.run(&counter, until: 100)
        #expect(counter.seen == [0, 1.5, 3, 4.5])
    }
}
