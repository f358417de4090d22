import AntreanAllocator
public import AntreanEngine
import Foundation

/// Simulates the city day by day: citizens book through the real `AllocatorCore` (the code the
/// portal links) with simulated time, walk in, queue at counters and are served, leave or never come.
///
/// One replication covers `warmUpDays` unmeasured calendar days (so that bookings made in advance
/// exist on the first measured day) and then `days` calendar days whose visits are measured.
public struct CitySimulation: Sendable {
    public let model: CityModel
    let plans: CityPlans

    public init(_ model: CityModel) throws(CityModelError) {
        try model.validate()
        self.model = model
        self.plans = try CityPlans(model)
    }

    /// One replication of `days` calendar days from the model's start date. Its random streams depend
    /// only on (seed, replication, purpose), never on threads.
    public func run(days: Int, seed: UInt64, replication: Int) -> MetricSample {
        var run = CityRun(plans: plans, model: model, days: days, seed: seed, replication: replication)
        run.simulate()
        return run.metrics()
    }

    /// Replications 0..<n in parallel, summarised in replication order as they finish: the same
    /// summaries as `MetricSample.summarize(runReplications(…))`, without holding every sample.
    public func summarizeReplications(
        _ n: Int, days: Int, seed: UInt64, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> MetricAccumulator {
        var accumulator = MetricAccumulator()
        Replications.fold(
            n, threads: threads, progress: progress, into: &accumulator,
            { replication in run(days: days, seed: seed, replication: replication) }, combine: { $0.add($1) })
        return accumulator
    }

    /// Replications 0..<n in parallel, returned in replication order.
    public func runReplications(
        _ n: Int, days: Int, seed: UInt64, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [MetricSample] {
        Replications.run(n, threads: threads, progress: progress) { replication in
            run(days: days, seed: seed, replication: replication)
        }
    }
}

/// What a replication needs, prepared once: samplers, demand rates and the allocator's starting state.
struct CityPlans: Sendable {
    struct OfficePlan: Sendable {
        var services: [Int]
        var cumulativeServiceWeights: [Double]
        /// Visits per working day (before the weekday factor).
        var visitsPerDay: Double
        var bookingShare: Double
        var kecamatan: Int
    }

    let offices: [OfficePlan]
    let serviceTimes: [DistributionSampler]
    let leadMinutes: DistributionSampler
    let punctuality: DistributionSampler
    let patience: DistributionSampler
    let emptyAllocator: AllocatorCore
    /// Hour-of-day weights, cumulative over 0..<24.
    let hourWeights: [Double]
    let weekdayFactors: [Weekday: Double]
    /// Sum of weekday factors over open weekdays: booked visits per week = visitsPerDay × this.
    let openWeekdayFactorSum: Double

    init(_ model: CityModel) throws(CityModelError) {
        // Booking-request events number offices and services in 16 bits (to stay 16 bytes).
        guard model.offices.count <= Int(Int16.max), model.services.count <= Int(Int16.max) else {
            throw CityModelError("a city model holds at most \(Int16.max) offices and \(Int16.max) services")
        }
        let kecamatanIndex = Dictionary(uniqueKeysWithValues: model.kecamatan.enumerated().map { ($1.id, $0) })
        var kecamatanPopulation = [Int](repeating: 0, count: model.kecamatan.count)
        for office in model.offices where office.kind == .kelurahan {
            kecamatanPopulation[kecamatanIndex[office.kecamatanId]!] += office.population
        }
        let cityPopulation = kecamatanPopulation.reduce(0, +)
        offices = model.offices.map { office in
            let given = model.servicesGiven(at: office)
            let catchment: Int
            switch office.kind {
            case .kelurahan: catchment = office.population
            case .kecamatan: catchment = kecamatanPopulation[kecamatanIndex[office.kecamatanId]!]
            case .mpp: catchment = cityPopulation
            }
            var cumulative: [Double] = []
            var total = 0.0
            for entry in given {
                total += entry.weight
                cumulative.append(total)
            }
            let share = office.digital ? model.citizens.bookingShareDigital : model.citizens.bookingShareOther
            return OfficePlan(
                services: given.map(\.service), cumulativeServiceWeights: cumulative.map { $0 / max(total, 1e-300) },
                visitsPerDay: Double(catchment) / 1000 * total, bookingShare: share,
                kecamatan: kecamatanIndex[office.kecamatanId]!)
        }
        do {
            serviceTimes = try model.services.map { service throws(DistributionError) in
                try service.serviceTime.sampler()
            }
            leadMinutes = try model.citizens.leadDays.sampler()
            punctuality = try model.citizens.punctuality.sampler()
            patience = try model.citizens.walkInPatience.sampler()
        } catch {
            throw CityModelError(error.message)
        }
        do {
            emptyAllocator = try AllocatorCore(
                configuration: model.allocatorConfiguration(), policy: try model.allocationPolicy(),
                tokenSigner: QRTokenSigner(keyID: "sim", keyBytes: Array(repeating: 0x5A, count: 32)),
                journalsChanges: false)
        } catch let error as CityModelError {
            throw error
        } catch {
            throw CityModelError("allocator: \(error)")
        }
        var weights = [Double](repeating: 0, count: 24)
        for (hour, weight) in model.citizens.hourWeights where (0..<24).contains(hour) { weights[hour] = weight }
        hourWeights = weights
        weekdayFactors = model.citizens.weekdayFactor
        openWeekdayFactorSum = model.calendar.hours.keys.reduce(0) { $0 + (model.citizens.weekdayFactor[$1] ?? 1) }
    }
}
