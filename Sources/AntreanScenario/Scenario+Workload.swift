import AntreanCity
import AntreanQueueing

/// What running a scenario will cost, estimated before the run from its rates, and the limits a run
/// must respect: `antrean validate` prints it, `antrean simulate` refuses a scenario beyond a limit
/// with the numbers, instead of aborting hours later with "failed to allocate".
public struct ScenarioWorkload: Sendable, Hashable {
    /// One line, e.g. "≈ 4.5e+05 arrivals per replication × 10 replications = 4.5e+06 arrivals; …".
    public var summary: String
    /// Why the run must not start; empty when it may.
    public var problems: [String]

    /// The most arrivals (queues) a single command may simulate over all replications: about an
    /// hour of one core. Larger studies are split with `antrean sweep --shard`.
    public static let maximumQueueArrivals = 1e10
    /// The most visits (city) a single command may simulate over all replications; a city visit
    /// costs a booking, a check-in and a service, about a hundred times a queue arrival.
    public static let maximumCityVisits = 1e9
    /// Memory one replication may need (each thread runs one): 2 GB.
    public static let maximumBytesPerReplication = 2e9
    /// Memory a city visit holds while its booking is in the allocator (booking, slot counts, the
    /// visitor's record and events), measured order of magnitude.
    public static let bytesPerHeldVisit = 200.0

    /// Throws the problems as one error located at `file` (exit 65 on the command line).
    public func check(file: String) throws(ScenarioError) {
        guard !problems.isEmpty else { return }
        throw ScenarioError(
            location: SourceLocation(file: file, line: 0, column: 0), field: "run",
            message: (problems + ["estimate: \(summary)"]).joined(separator: "; "))
    }
}

extension Scenario {
    /// The estimate for `replications` (and, for a city, `days` measured days when given).
    public func workload(replications: Int, days: Int? = nil) -> ScenarioWorkload {
        switch self {
        case .queues(let scenario): return scenario.workload(replications: replications)
        case .city(let scenario): return scenario.workload(replications: replications, days: days ?? scenario.days)
        }
    }
}

extension QueueScenario {
    /// Arrivals over all replications, and the queue's growth where ρ ≥ 1 without patience
    /// (`QueueNetworkSpec.workload`). O(queues × profile hours).
    public func workload(replications: Int) -> ScenarioWorkload {
        let estimate = spec.workload
        let arrivals = estimate.arrivalsPerReplication * Double(replications)
        var problems: [String] = []
        if !(arrivals <= ScenarioWorkload.maximumQueueArrivals) {
            problems.append(
                "this run would simulate ≈ \(sci(arrivals)) arrivals, more than the "
                    + "\(sci(ScenarioWorkload.maximumQueueArrivals)) one command may (hours of computing); "
                    + "shorten run.duration or run.arrivals, run fewer replications, or split the study with sweep --shard"
            )
        }
        if !(estimate.peakCustomers <= Double(QueueWorkload.customerLimit)) {
            let queues = estimate.unstableQueues.map { "\($0.name) (ρ = \(sci($0.utilization)))" }
            let growth =
                queues.isEmpty
                ? "the arrivals are so many that "
                : "unstable: arrivals exceed capacity at \(queues.joined(separator: ", ")) and nobody gives up, so "
            problems.append(
                growth + "≈ \(sci(estimate.peakCustomers)) customers would be in the system at once "
                    + "(≈ \(bytes(estimate.peakBytes)) per replication), more than the "
                    + "\(QueueWorkload.customerLimit) a run may hold; add counters, shorten the service, "
                    + "give customers a patience, lower the arrival rate or shorten the run")
        }
        var summary =
            "≈ \(sci(estimate.arrivalsPerReplication)) arrivals per replication × \(replications) replications "
            + "= \(sci(arrivals)) arrivals; fluid-model peak ≈ \(sci(estimate.peakCustomers)) customers in the "
            + "system (≈ \(bytes(estimate.peakBytes)) per replication)"
        for queue in estimate.unstableQueues {
            summary +=
                "; queue \(queue.name) is overloaded (ρ = \(sci(queue.utilization)) ≥ 1, no patience): "
                + "its line grows throughout the run"
        }
        return ScenarioWorkload(summary: summary, problems: problems)
    }
}

extension CityScenario {
    /// Visits over all replications (every simulated day, warm-up included) and the memory of the
    /// bookings the allocator holds over its horizon. O(offices + services).
    public func workload(replications: Int, days: Int) -> ScenarioWorkload {
        let population = model.offices.filter { $0.kind == .kelurahan }.reduce(0.0) { $0 + Double($1.population) }
        let visitsPerThousand = model.services.reduce(0.0) { $0 + $1.visitsPerThousandPerDay }
        let busiestDay = max(1, model.citizens.weekdayFactor.values.max() ?? 1)
        let visitsPerDay = population / 1000 * visitsPerThousand * busiestDay
        let simulatedDays = Double(days) + Double(model.calendar.warmUpDays)
        let visits = visitsPerDay * simulatedDays * Double(replications)
        // Bookings are held up to the booking horizon (60 days) plus the day being simulated.
        let heldDays = min(simulatedDays, 62)
        let memory = visitsPerDay * heldDays * ScenarioWorkload.bytesPerHeldVisit
        var problems: [String] = []
        if !(visits <= ScenarioWorkload.maximumCityVisits) {
            problems.append(
                "this run would simulate ≈ \(sci(visits)) visits, more than the "
                    + "\(sci(ScenarioWorkload.maximumCityVisits)) one command may (hours of computing); "
                    + "check the populations and visits_per_1000_per_day, simulate fewer days or replications, "
                    + "or split the study with sweep --shard")
        }
        if !(memory <= ScenarioWorkload.maximumBytesPerReplication) {
            problems.append(
                "≈ \(sci(visitsPerDay)) visits a day would hold ≈ \(bytes(memory)) of bookings per replication, "
                    + "more than \(bytes(ScenarioWorkload.maximumBytesPerReplication)); "
                    + "check the populations and visits_per_1000_per_day")
        }
        let summary =
            "≈ \(sci(visitsPerDay)) visits a day × \(Int(simulatedDays)) days (warm-up included) "
            + "× \(replications) replications = \(sci(visits)) visits; ≈ \(bytes(memory)) per replication"
        return ScenarioWorkload(summary: summary, problems: problems)
    }
}

/// A count in scientific notation with three significant digits (plain below a million).
private func sci(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if abs(value) < 1_000_000 {
        return abs(value) >= 100 || value == value.rounded()
            ? "\(Int(value.rounded()))" : "\((value * 10).rounded() / 10)"
    }
    var exponent = 0
    var mantissa = abs(value)
    while mantissa >= 10 {
        mantissa /= 10
        exponent += 1
    }
    let rounded = (mantissa * 100).rounded() / 100
    return "\(value < 0 ? "-" : "")\(rounded)e\(exponent)"
}

/// Bytes in kB, MB, GB or TB.
private func bytes(_ value: Double) -> String {
    guard value < 1e15 else { return "\(sci(value)) B" }
    let units = [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)]
    for (unit, size) in units where value >= size {
        return "\((value / size * 10).rounded() / 10) \(unit)"
    }
    return "\(Int(value)) B"
}
