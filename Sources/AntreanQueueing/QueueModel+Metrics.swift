import AntreanEngine

extension QueueModel {
    /// The replication's metrics (keys as documented on `QueueNetworkSimulation`).
    func metrics() -> MetricSample {
        var sample = MetricSample()
        let observed = max(0, endTime - warmUp)
        var overallWaitSum = 0.0
        var overallWaitCount = 0
        var overallWithin = 0
        var overallSketch = QuantileSketch()
        var overallSystemSum = 0.0
        var arrivals = 0
        var served = 0
        var abandoned = 0
        var queueLength = 0.0
        var busy = 0.0
        var counters = 0
        for (plan, state) in zip(plans, queues) {
            let prefix = "queues.\(plan.name)."
            let meanQueue = state.resource.queueLength.average(until: endTime)
            let meanBusy = state.resource.busyServers.average(until: endTime)
            record(
                into: &sample, prefix: prefix, arrivals: state.arrivals, served: state.served,
                abandoned: state.abandoned, waitSum: state.waitSum, waitCount: state.waitCount,
                waitSketch: state.waitSketch, withinTarget: state.withinTarget, systemTimeSum: state.systemTimeSum,
                queueLength: meanQueue, busy: meanBusy, counters: plan.counters, observed: observed)
            for (index, name) in plan.classNames.enumerated() {
                sample["\(prefix)classes.\(name).wait_minutes"] = state.classWaits[index].mean
                sample["\(prefix)classes.\(name).served"] = Double(state.classServed[index])
            }
            overallWaitSum += state.waitSum
            overallWaitCount += state.waitCount
            overallWithin += state.withinTarget
            overallSketch.merge(state.waitSketch)
            overallSystemSum += state.systemTimeSum
            arrivals += state.arrivals
            served += state.served
            abandoned += state.abandoned
            queueLength += meanQueue
            busy += meanBusy
            counters += plan.counters
        }
        record(
            into: &sample, prefix: "overall.", arrivals: arrivals, served: served, abandoned: abandoned,
            waitSum: overallWaitSum, waitCount: overallWaitCount, waitSketch: overallSketch,
            withinTarget: overallWithin,
            systemTimeSum: overallSystemSum, queueLength: queueLength, busy: busy,
            counters: counters, observed: observed)
        return sample
    }

    private func record(
        into sample: inout MetricSample, prefix: String, arrivals: Int, served: Int, abandoned: Int, waitSum: Double,
        waitCount: Int, waitSketch: QuantileSketch, withinTarget: Int, systemTimeSum: Double, queueLength: Double,
        busy: Double,
        counters: Int, observed: Double
    ) {
        sample[prefix + "arrivals"] = Double(arrivals)
        sample[prefix + "served"] = Double(served)
        sample[prefix + "abandoned"] = Double(abandoned)
        sample[prefix + "wait_minutes"] = waitCount > 0 ? waitSum / Double(waitCount) : 0
        for level in waitQuantiles {
            sample[prefix + "wait_minutes." + WaitQuantile.key(level)] = waitCount > 0 ? waitSketch.quantile(level) : 0
        }
        if reportsWithinTarget {
            sample[prefix + "wait_within_target"] = waitCount > 0 ? Double(withinTarget) / Double(waitCount) : 0
        }
        sample[prefix + "system_minutes"] = served > 0 ? systemTimeSum / Double(served) : 0
        sample[prefix + "queue_length"] = queueLength
        sample[prefix + "in_system"] = queueLength + busy
        sample[prefix + "utilization"] = busy / Double(counters)
        sample[prefix + "throughput_per_minute"] = observed > 0 ? Double(served) / observed : 0
        sample[prefix + "observed_minutes"] = observed
    }
}
