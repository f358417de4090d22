import AntreanEngine

/// Events of the queue network; small, so the event set stays compact.
enum QueueEvent {
    case arrival(queue: Int32)
    case departure(customer: Int32)
    /// The patience of `customer` (identified also by its serial, as slots are reused) runs out.
    case patienceEnds(customer: Int32, serial: UInt32)
    case warmUpEnds
    /// The roster of `queue` moves to its weekly step `step`.
    case rosterChange(queue: Int32, step: Int32)
}

/// One customer in the system.
struct CustomerRecord {
    enum State: UInt8 { case waiting, inService, abandoned }
    var arrival: Double
    var service: Double
    var queue: Int32
    var customerClass: Int32
    var serial: UInt32
    var state: State
    /// Arrived after the warm-up, so its outcome is counted.
    var counted: Bool
}

/// The customers in the system, as `MultiServerResource` sees them.
struct CustomerTable: WaitingCustomers {
    var records = Slab<CustomerRecord>()
    func hasAbandoned(_ customer: Int32) -> Bool { records[customer].state == .abandoned }
    mutating func discard(_ customer: Int32) { records.remove(customer) }
}

/// Per-queue run-time state: the counters, the random streams and the statistics.
struct QueueState {
    var resource: MultiServerResource
    var arrivalStream: RandomStream
    var serviceStream: RandomStream
    var patienceStream: RandomStream
    var classStream: RandomStream
    /// Time of the next candidate arrival, for thinning.
    var arrivals = 0
    var served = 0
    var abandoned = 0
    /// Waits of counted customers who reached a counter: sum, count and quantile sketch. A replication
    /// reports only their mean (the spread comes from across replications), so a plain sum suffices.
    var waitSum = 0.0
    var waitCount = 0
    var waitSketch = QuantileSketch()
    /// Counted customers who waited at most the spec's `waitTargetMinutes`.
    var withinTarget = 0
    var systemTimeSum = 0.0
    /// Summed over counted customers who abandoned: the time from arrival to abandoning.
    var abandonTimeSum = 0.0
    /// Counted customers served who arrived before the run's last arrival (a run by arrivals'
    /// throughput window; see `QueueModel.lastArrival`).
    var servedInWindow = 0
    var classWaits: [Welford]
    var classServed: [Int]
    /// Counters on duty through time (constant without a roster), for utilization.
    var onDuty: TimeWeightedAverage
    /// With a roster, per hour of the week (168, Monday 00:00 first): waits that began in that hour
    /// and reached a counter, their sum and how many were within the target. Empty without one.
    var hourServed: [Int]
    var hourWaitSum: [Double]
    var hourWithinTarget: [Int]
    var hourSketches: [QuantileSketch]

    init(plan: QueuePlan, seed: UInt64, replication: Int, measuresBlocks: Bool) {
        resource = MultiServerResource(servers: plan.counters, priorityLevels: plan.lines)
        let firstCount = plan.rosterSteps.first?.counters ?? plan.counters
        resource.setOnDuty(firstCount)
        onDuty = TimeWeightedAverage(value: Double(firstCount), at: 0)
        let hours = plan.rosterSteps.isEmpty && !measuresBlocks ? 0 : QueueRoster.weekMinutes / 60
        hourServed = Array(repeating: 0, count: hours)
        hourWaitSum = Array(repeating: 0, count: hours)
        hourWithinTarget = Array(repeating: 0, count: hours)
        hourSketches = Array(repeating: QuantileSketch(), count: hours)
        arrivalStream = RandomStream(seed: seed, replication: replication, purpose: "arrivals/" + plan.name)
        serviceStream = RandomStream(seed: seed, replication: replication, purpose: "service/" + plan.name)
        patienceStream = RandomStream(seed: seed, replication: replication, purpose: "patience/" + plan.name)
        classStream = RandomStream(seed: seed, replication: replication, purpose: "classes/" + plan.name)
        classWaits = Array(repeating: Welford(), count: plan.classNames.count)
        classServed = Array(repeating: 0, count: plan.classNames.count)
    }
}

/// One replication of a `QueueNetworkSimulation`.
struct QueueModel {
    let plans: [QueuePlan]
    let warmUp: Double
    let runLength: RunLength
    /// Waits up to this count as within target (infinity when the spec sets no target).
    let waitTarget: Double
    let waitQuantiles: [Double]
    let reportsWithinTarget: Bool
    var simulation = Simulation<QueueEvent>(expectedPendingEvents: 256)
    /// Per-queue state in memory this model owns (see `deallocate`): a plain buffer, so that the
    /// many small updates per customer need no copy-on-write uniqueness checks.
    let queues: UnsafeMutableBufferPointer<QueueState>
    var customers = CustomerTable()
    var totalArrivals = 0
    var nextSerial: UInt32 = 0
    var endTime = 0.0
    /// The time of the last arrival of a run by arrivals (infinity until it comes): the end of the
    /// window its throughput is measured over.
    var lastArrival = Double.infinity
    /// Arrivals stop after this many (`Int.max` for a run by time).
    let arrivalLimit: Int
    /// The run stops at this time (infinity for a run by arrivals).
    let timeLimit: Double
    /// Customers in the system (records held) beyond which the run stops as unstable.
    let customerLimit: Int
    /// When the customers in the system passed `customerLimit`, or nil.
    var overflowedAt: Double?

    init(simulation model: QueueNetworkSimulation, seed: UInt64, replication: Int) {
        plans = model.plans
        warmUp = model.spec.warmUpMinutes
        waitTarget = model.spec.waitTargetMinutes ?? .infinity
        reportsWithinTarget = model.spec.waitTargetMinutes != nil
        waitQuantiles = model.spec.waitQuantiles
        runLength = model.spec.runLength
        customerLimit = model.customerLimit
        queues = .allocate(capacity: plans.count)
        let measuresBlocks = model.spec.measuresBlocks
        _ = queues.initialize(
            from: plans.map {
                QueueState(plan: $0, seed: seed, replication: replication, measuresBlocks: measuresBlocks)
            })
        switch runLength {
        case .minutes(let minutes):
            timeLimit = minutes
            arrivalLimit = .max
        case .arrivals(let count):
            timeLimit = .infinity
            arrivalLimit = count
        }
    }

    /// Frees the per-queue state; the model must not be used afterwards.
    func deallocate() {
        queues.deinitialize()
        queues.deallocate()
    }

    mutating func run() {
        for queue in plans.indices { scheduleNextArrival(queue, after: 0) }
        if warmUp > 0 { simulation.schedule(.warmUpEnds, at: warmUp) }
        for queue in plans.indices where plans[queue].rosterSteps.count > 1 {
            scheduleRosterChange(queue, after: 0, at: 0)
        }
        let limit = timeLimit
        while overflowedAt == nil, let (time, event) = simulation.next(until: limit) {
            switch event {
            case .arrival(let queue): arrive(at: Int(queue), time: time)
            case .departure(let customer): depart(customer, time: time)
            case .patienceEnds(let customer, let serial): patienceEnds(customer, serial: serial, time: time)
            case .warmUpEnds:
                for index in queues.indices {
                    queues[index].resource.resetStatistics(at: time)
                    queues[index].onDuty.reset(at: time)
                }
            case .rosterChange(let queue, let step): changeRoster(Int(queue), step: Int(step), time: time)
            }
        }
        endTime = limit.isFinite ? limit : simulation.now
    }

    /// Schedules the next arrival to `queue` after `now`, by thinning for a rate profile
    /// (Lewis & Shedler 1979): candidates at the peak rate, each kept with probability λ(t)/peak.
    @inline(__always)
    mutating func scheduleNextArrival(_ queue: Int, after now: Double) {
        var stream = queues[queue].arrivalStream
        defer { queues[queue].arrivalStream = stream }
        let peak = plans[queue].peakRatePerMinute
        var time = now + stream.nextExponential() / peak
        if !plans[queue].isPoisson {
            while stream.nextUniform() * peak >= plans[queue].rate(at: time) {
                if time > timeLimit { return }
                time += stream.nextExponential() / peak
            }
        }
        if time > timeLimit { return }
        simulation.schedule(.arrival(queue: Int32(queue)), at: time)
    }

    @inline(__always)
    mutating func arrive(at queue: Int, time: Double) {
        if totalArrivals >= arrivalLimit { return }
        totalArrivals += 1
        if totalArrivals < arrivalLimit {
            scheduleNextArrival(queue, after: time)
        } else {
            lastArrival = time
        }
        // Every customer draws its service time, patience and class on arrival, whatever happens
        // to it later, so that the streams stay aligned across variants of a model.
        let service: Double
        let exponentialMean = plans[queue].exponentialServiceMean
        if !exponentialMean.isNaN {
            service = exponentialMean * queues[queue].serviceStream.nextExponential()
        } else {
            var serviceStream = queues[queue].serviceStream
            service = plans[queue].service.sampleDuration(&serviceStream)
            queues[queue].serviceStream = serviceStream
        }
        var patience: Double?
        if plans[queue].hasPatience {
            var patienceStream = queues[queue].patienceStream
            patience = plans[queue].patience?.sampleDuration(&patienceStream)
            queues[queue].patienceStream = patienceStream
        }
        var customerClass = 0
        var line = 0
        let classCount = plans[queue].cumulativeShares.count
        if classCount > 1 {
            let u = queues[queue].classStream.nextUniform()
            while customerClass < classCount - 1 && u >= plans[queue].cumulativeShares[customerClass] {
                customerClass += 1
            }
            line = plans[queue].lineOfClass[customerClass]
        }
        let counted = time >= warmUp
        if counted { queues[queue].arrivals += 1 }
        let serial = nextSerial
        nextSerial &+= 1
        let customer = customers.records.insert(
            CustomerRecord(
                arrival: time, service: service, queue: Int32(queue), customerClass: Int32(customerClass),
                serial: serial, state: .waiting, counted: counted))
        if customers.records.count > customerLimit {
            // The line grows without bound: stop before memory runs out; `run` reports it.
            overflowedAt = time
            return
        }
        if queues[queue].resource.request(customer, priority: line, at: time) {
            startService(customer, queue: queue, time: time)
        } else if let patience {
            simulation.schedule(.patienceEnds(customer: customer, serial: serial), at: time + patience)
        }
    }

    @inline(__always)
    mutating func startService(_ customer: Int32, queue: Int, time: Double) {
        let record = customers.records[customer]
        // The state matters only to patience; without it, skip the write.
        if plans[queue].hasPatience { customers.records[customer].state = .inService }
        if record.counted {
            let wait = time - record.arrival
            queues[queue].waitSum += wait
            queues[queue].waitCount += 1
            queues[queue].waitSketch.add(wait)
            if wait <= waitTarget { queues[queue].withinTarget += 1 }
            if !queues[queue].classWaits.isEmpty { queues[queue].classWaits[Int(record.customerClass)].add(wait) }
            if !queues[queue].hourServed.isEmpty {
                let hour = Int((record.arrival / 60).rounded(.down).truncatingRemainder(dividingBy: 168))
                queues[queue].hourServed[hour] += 1
                queues[queue].hourWaitSum[hour] += wait
                queues[queue].hourSketches[hour].add(wait)
                if wait <= waitTarget { queues[queue].hourWithinTarget[hour] += 1 }
            }
        }
        simulation.schedule(.departure(customer: customer), at: time + record.service)
    }

    @inline(__always)
    mutating func depart(_ customer: Int32, time: Double) {
        let record = customers.records[customer]
        let queue = Int(record.queue)
        if record.counted {
            queues[queue].served += 1
            queues[queue].systemTimeSum += time - record.arrival
            if record.arrival < lastArrival { queues[queue].servedInWindow += 1 }
            if !queues[queue].classServed.isEmpty { queues[queue].classServed[Int(record.customerClass)] += 1 }
        }
        customers.records.remove(customer)
        if let next = queues[queue].resource.release(at: time, customers: &customers) {
            startService(next, queue: queue, time: time)
        }
    }

    mutating func patienceEnds(_ customer: Int32, serial: UInt32, time: Double) {
        let record = customers.records[customer]
        guard record.serial == serial && record.state == .waiting else { return }
        customers.records[customer].state = .abandoned
        let queue = Int(record.queue)
        queues[queue].resource.renege(at: time)
        if record.counted {
            queues[queue].abandoned += 1
            queues[queue].abandonTimeSum += time - record.arrival
        }
    }

    /// Puts the roster of `queue` at its weekly step `step` (a time `at` of that step): counters over the
    /// new count go off duty as they finish, counters coming on duty take the line at once; then
    /// schedules the next step. A run by arrivals stops changing the roster once its arrivals are
    /// over and nobody waits, so that it ends.
    mutating func changeRoster(_ queue: Int, step: Int, time: Double) {
        let count = plans[queue].rosterSteps[step].counters
        queues[queue].resource.setOnDuty(count)
        queues[queue].onDuty.record(Double(count), at: time)
        while let next = queues[queue].resource.admitWaiting(at: time, customers: &customers) {
            startService(next, queue: queue, time: time)
        }
        if totalArrivals < arrivalLimit || queues[queue].resource.waiting > 0 {
            scheduleRosterChange(queue, after: step, at: time)
        }
    }

    /// Schedules the step after `step` of the roster of `queue`, whose step `step` began at `time`
    /// (after the last step of the week comes the first of the next week).
    mutating func scheduleRosterChange(_ queue: Int, after step: Int, at time: Double) {
        let steps = plans[queue].rosterSteps
        let next = (step + 1) % steps.count
        let weekStart = time - Double(steps[step].minute)
        let nextTime = weekStart + Double(steps[next].minute) + (next == 0 ? Double(QueueRoster.weekMinutes) : 0)
        if nextTime > timeLimit { return }
        simulation.schedule(.rosterChange(queue: Int32(queue), step: Int32(next)), at: nextTime)
    }
}
