// An allocation-heavy workload for the jemalloc comparison: many short replications of a
// three-queue model with classes and patience (each replication allocates its model, customer
// slab, sketches and a metric dictionary), then summaries. Prints one JSON line.
// Usage: replications-throughput [REPLICATIONS] [CUSTOMERS_PER_REPLICATION] [THREADS]
import AntreanEngine
import AntreanQueueing
import Foundation

let arguments = CommandLine.arguments
let replications = arguments.count > 1 ? Int(arguments[1]) ?? 20_000 : 20_000
let customers = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let threads = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1

let classes = [
    CustomerClass(name: "priority", share: 0.2, priority: 0), CustomerClass(name: "regular", share: 0.8, priority: 1),
]
let queues = ["ktp", "kk", "akta"].map { name in
    QueueSpec(
        name: name, counters: 3, service: .lognormal(mean: 6, sd: 3), arrivals: .poisson(ratePerMinute: 0.4),
        patience: .exponential(mean: 30), discipline: .priority, classes: classes)
}
let simulation = try QueueNetworkSimulation(QueueNetworkSpec(queues: queues, runLength: .arrivals(customers)))
let clock = ContinuousClock()
let started = clock.now
let samples = try simulation.runReplications(replications, seed: 1, threads: threads)
let summary = MetricSample.summarize(samples)
let elapsed = clock.now - started
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
print(
    "{\"replications\": \(replications), \"customers_per_replication\": \(customers), \"threads\": \(threads), "
        + "\"wall_s\": \((seconds * 1000).rounded() / 1000), "
        + "\"replications_per_s\": \(Int((Double(replications) / seconds).rounded())), "
        + "\"mean_wait\": \(summary["overall.wait_minutes"]!.mean)}")
