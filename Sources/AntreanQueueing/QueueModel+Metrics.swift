import AntreanEngine

extension QueueModel {
    /// The replication's metrics (keys as documented on `QueueNetworkSimulation`).
    func metrics() -> MetricSample {
        var sample = MetricSample()
        let observed = max(0, endTime - warmUp)
        // Throughput's window: a run by arrivals ends it at the last arrival, not after the drain that
        // follows (whose departures would all count over a longer span), and counts the customers
        // served among those who arrived before it. For Poisson arrivals that ratio is unbiased: with
        // n arrivals after the warm-up before the last one, the window is Gamma(n + 1, λ) and
        // E[n ÷ window] = λ.
        let window = lastArrival.isFinite ? max(0, lastArrival - warmUp) : observed
        var overallWaitSum = 0.0
        var overallWaitCount = 0
        var overallWithin = 0
        var overallSketch = QuantileSketch()
        var overallSystemSum = 0.0
        var overallAbandonSum = 0.0
        var servedInWindow = 0
        var arrivals = 0
        var served = 0
        var abandoned = 0
        var queueLength = 0.0
        var busy = 0.0
        var counters = 0.0
        for (plan, state) in zip(plans, queues) {
            let prefix = "queues.\(plan.name)."
            let meanQueue = state.resource.queueLength.average(until: endTime)
            let meanBusy = state.resource.busyServers.average(until: endTime)
            // Rostered counters on average over the observed span (an all-day count divides exactly).
            let meanCounters =
                plan.rosterSteps.isEmpty ? Double(plan.counters) : state.onDuty.average(until: endTime)
            record(
                into: &sample, prefix: prefix, arrivals: state.arrivals, served: state.served,
                abandoned: state.abandoned, waitSum: state.waitSum, waitCount: state.waitCount,
                waitSketch: state.waitSketch, withinTarget: state.withinTarget, systemTimeSum: state.systemTimeSum,
                abandonTimeSum: state.abandonTimeSum, queueLength: meanQueue, busy: meanBusy, counters: meanCounters,
                observed: observed, servedInWindow: state.servedInWindow, window: window)
            if !plan.rosterSteps.isEmpty { sample[prefix + "counters"] = meanCounters }
            if !state.hourServed.isEmpty { recordHours(into: &sample, prefix: prefix, plan: plan, state: state) }
            for (index, name) in plan.classNames.enumerated() {
                sample["\(prefix)classes.\(name).wait_minutes"] = state.classWaits[index].mean
                sample["\(prefix)classes.\(name).served"] = Double(state.classServed[index])
            }
            overallWaitSum += state.waitSum
            overallWaitCount += state.waitCount
            overallWithin += state.withinTarget
            overallSketch.merge(state.waitSketch)
            overallSystemSum += state.systemTimeSum
            overallAbandonSum += state.abandonTimeSum
            servedInWindow += state.servedInWindow
            arrivals += state.arrivals
            served += state.served
            abandoned += state.abandoned
            queueLength += meanQueue
            busy += meanBusy
            counters += meanCounters
        }
        record(
            into: &sample, prefix: "overall.", arrivals: arrivals, served: served, abandoned: abandoned,
            waitSum: overallWaitSum, waitCount: overallWaitCount, waitSketch: overallSketch,
            withinTarget: overallWithin, systemTimeSum: overallSystemSum, abandonTimeSum: overallAbandonSum,
            queueLength: queueLength, busy: busy, counters: counters, observed: observed,
            servedInWindow: servedInWindow, window: window)
        return sample
    }

    private func record(
        into sample: inout MetricSample, prefix: String, arrivals: Int, served: Int, abandoned: Int, waitSum: Double,
        waitCount: Int, waitSketch: QuantileSketch, withinTarget: Int, systemTimeSum: Double, abandonTimeSum: Double,
        queueLength: Double, busy: Double, counters: Double, observed: Double, servedInWindow: Int, window: Double
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
        // With patience: abandoners' time to abandon, and the wait and time in system of every customer
        // who left the line (reached a counter or abandoned), the W that Little's law pairs with Lq and L.
        sample[prefix + "abandon_minutes"] = abandoned > 0 ? abandonTimeSum / Double(abandoned) : 0
        let waited = waitCount + abandoned
        sample[prefix + "wait_all_minutes"] = waited > 0 ? (waitSum + abandonTimeSum) / Double(waited) : 0
        let left = served + abandoned
        sample[prefix + "system_all_minutes"] = left > 0 ? (systemTimeSum + abandonTimeSum) / Double(left) : 0
        sample[prefix + "arrival_rate_per_minute"] = observed > 0 ? Double(arrivals) / observed : 0
        sample[prefix + "queue_length"] = queueLength
        sample[prefix + "in_system"] = queueLength + busy
        sample[prefix + "utilization"] = counters > 0 ? busy / counters : 0
        sample[prefix + "throughput_per_minute"] = window > 0 ? Double(servedInWindow) / window : 0
        sample[prefix + "observed_minutes"] = observed
    }

    /// A queue's figures per hour of the week, under `block.<mon>.<08>.`: customers whose wait began in
    /// the hour and reached a counter, their mean wait, wait quantiles and share within the target (0, 0
    /// and 1 when nobody did: nobody waited too long), and the rostered counters (mean over the hour).
    /// O(168 × (steps + quantiles)).
    private func recordHours(into sample: inout MetricSample, prefix: String, plan: QueuePlan, state: QueueState) {
        let steps = plan.rosterSteps.isEmpty ? [(minute: 0, counters: plan.counters)] : plan.rosterSteps
        for hour in 0..<state.hourServed.count {
            let key =
                prefix + "block." + QueueRoster.weekdayKeys[hour / 24] + "." + (hour % 24 < 10 ? "0" : "")
                + "\(hour % 24)."
            let served = state.hourServed[hour]
            sample[key + "served"] = Double(served)
            sample[key + "wait_minutes"] = served > 0 ? state.hourWaitSum[hour] / Double(served) : 0
            for level in waitQuantiles {
                sample[key + "wait_minutes." + WaitQuantile.key(level)] =
                    served > 0 ? state.hourSketches[hour].quantile(level) : 0
            }
            if reportsWithinTarget {
                sample[key + "wait_within_target"] =
                    served > 0 ? Double(state.hourWithinTarget[hour]) / Double(served) : 1
            }
            var counterMinutes = 0
            for (index, step) in steps.enumerated() {
                let end = index + 1 < steps.count ? steps[index + 1].minute : QueueRoster.weekMinutes
                let overlap = min(end, hour * 60 + 60) - max(step.minute, hour * 60)
                if overlap > 0 { counterMinutes += overlap * step.counters }
            }
            sample[key + "counters"] = Double(counterMinutes) / 60
        }
    }
}
