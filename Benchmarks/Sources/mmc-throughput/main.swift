// Times Antrean on the peers' M/M/5 model (λ = 4.5/min, μ = 1/min) for N customers and prints one
// JSON line in the format of ../shared/peers (engine, customers, wall_s, customers_per_s,
// mean_wait, erlang_c_mean_wait). Usage: mmc-throughput [CUSTOMERS] [SEED]
import AntreanEngine
import AntreanQueueing
import Foundation

let arguments = CommandLine.arguments
let customers = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let seed = arguments.count > 2 ? UInt64(arguments[2]) ?? 1 : 1

let queue = QueueSpec(name: "A", counters: 5, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 4.5))
let simulation = try QueueNetworkSimulation(QueueNetworkSpec(queues: [queue], runLength: .arrivals(customers)))
let clock = ContinuousClock()
let started = clock.now
let sample = try simulation.run(seed: seed, replication: 0)
let elapsed = clock.now - started
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18

/// Erlang C mean wait for c = 5, a = 4.5, μ = 1.
func erlangCMeanWait() -> Double {
    let a = 4.5
    var term = 1.0
    var below = 0.0
    for k in 0..<5 {
        if k > 0 { term *= a / Double(k) }
        below += term
    }
    let top = term * a / 5 * 5 / (5 - a)
    return top / (below + top) / (5 - a)
}

func rounded(_ value: Double, _ places: Double) -> Double { (value * places).rounded() / places }

print(
    "{\"engine\": \"antrean\", \"customers\": \(customers), \"wall_s\": \(rounded(seconds, 1000)), "
        + "\"customers_per_s\": \(Int((Double(customers) / seconds).rounded())), "
        + "\"mean_wait\": \(rounded(sample["overall.wait_minutes"]!, 10_000)), "
        + "\"erlang_c_mean_wait\": \(rounded(erlangCMeanWait(), 10_000))}")
