import Testing

@testable import AntreanEngine

/// A minimal customer table for the resource: which ids abandoned, and which were discarded.
private struct Customers: WaitingCustomers {
    var abandoned: Set<Int32> = []
    var discarded: [Int32] = []
    func hasAbandoned(_ customer: Int32) -> Bool { abandoned.contains(customer) }
    mutating func discard(_ customer: Int32) { discarded.append(customer) }
}

@Suite struct ResourceTests {
    @Test func fifoServesInArrivalOrderAndTracksBusyServers() {
        var resource = MultiServerResource(servers: 2)
        var customers = Customers()
        let granted = [
            resource.request(0, at: 0), resource.request(1, at: 0), resource.request(2, at: 1),
            resource.request(3, at: 2),
        ]
        #expect(granted == [true, true, false, false])
        #expect(resource.waiting == 2)
        let next = [
            resource.release(at: 4, customers: &customers), resource.release(at: 5, customers: &customers),
            resource.release(at: 6, customers: &customers), resource.release(at: 8, customers: &customers),
        ]
        #expect(next == [2, 3, nil, nil])
        #expect(resource.busy == 0)
        // Busy: 2 on [0,6), 1 on [6,8) → 14 / 8; waiting: 1 on [1,2), 2 on [2,4), 1 on [4,5).
        #expect(resource.busyServers.average(until: 8) == 14.0 / 8)
        #expect(resource.queueLength.integral(until: 8) == 6)
    }

    @Test func priorityServesLowerLevelsFirstFifoWithin() {
        var resource = MultiServerResource(servers: 1, priorityLevels: 3)
        var customers = Customers()
        var granted = [resource.request(0, priority: 2, at: 0)]
        for (id, level) in [(1, 2), (2, 1), (3, 0), (4, 1), (5, 0)] {
            granted.append(resource.request(Int32(id), priority: level, at: 1))
        }
        #expect(granted == [true, false, false, false, false, false])
        var order: [Int32] = []
        while let next = resource.release(at: 2, customers: &customers) { order.append(next) }
        #expect(order == [3, 5, 2, 4, 1])
    }

    @Test func abandonedCustomersAreSkippedAndDiscarded() {
        var resource = MultiServerResource(servers: 1)
        var customers = Customers()
        let granted = (0...3).map { resource.request(Int32($0), at: 0) }
        #expect(granted == [true, false, false, false])
        customers.abandoned = [1, 3]
        resource.renege(at: 1)
        resource.renege(at: 1)
        #expect(resource.waiting == 1)
        let second = resource.release(at: 2, customers: &customers)
        #expect(second == 2)
        #expect(customers.discarded == [1])
        let third = resource.release(at: 3, customers: &customers)
        #expect(third == nil)
        #expect(customers.discarded == [1, 3])
    }

    @Test func slabReusesFreedSlots() {
        var slab = Slab<Double>()
        for round in 0..<10_000 {
            let a = slab.insert(Double(round))
            let b = slab.insert(-Double(round))
            #expect(slab[a] == Double(round))
            slab.remove(a)
            slab.remove(b)
        }
        #expect(slab.capacity == 2)
        #expect(slab.count == 0)
    }

    @Test func replicationsComeBackInOrderWhateverTheThreadCount() {
        let work: @Sendable (Int) -> [UInt64] = { replication in
            var stream = RandomStream(seed: 5, replication: replication, purpose: "r")
            return (0..<100).map { _ in stream.next() }
        }
        let one = Replications.run(12, threads: 1, work)
        #expect(one == Replications.run(12, threads: 2, work))
        #expect(one == Replications.run(12, threads: 4, work))
        #expect(one[3] == work(3))
    }

    @Test func progressCountsUpToTheTotal() {
        final class Log: @unchecked Sendable {
            var calls: [(Int, Int)] = []
        }
        let log = Log()
        let record: @Sendable (Int, Int) -> Void = { done, total in log.calls.append((done, total)) }
        _ = Replications.run(7, threads: 3, progress: record) { $0 }
        #expect(log.calls.map(\.0) == Array(1...7))
        #expect(log.calls.allSatisfy { $0.1 == 7 })
    }
}
