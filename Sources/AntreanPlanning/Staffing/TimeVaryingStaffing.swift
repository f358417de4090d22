import Foundation

/// Staffing for an arrival rate that changes from period to period (hourly profiles).
///
/// - ``Method/sipp``: stationary independent period-by-period — each period is staffed as a steady
///   M/M/c queue with that period's rate (Green, Kolesar & Whitt, "Coping with time-varying demand
///   when setting staffing requirements for a service system", POMS 16(1), 2007).
/// - ``Method/modifiedOfferedLoad``: the offered load m(t) = E[number of busy servers in an
///   infinite-server queue] follows m′(t) = λ(t) − m(t)/E[S] (exponential service), which lags the
///   arrival rate by about one service time; each period is staffed for the Erlang-C queue with load
///   equal to the largest m(t) in the period (Jennings, Mandelbaum, Massey & Whitt, "Server staffing
///   to meet time-varying demand", Management Science 42(10), 1996). This corrects SIPP when service
///   times are long relative to the period or the rate changes fast.
public enum TimeVaryingStaffing {
    public enum Method: String, Sendable, CaseIterable {
        case sipp
        case modifiedOfferedLoad = "mol"
    }

    /// Servers per period meeting `target`. `ratesPerPeriod` are arrivals per minute; periods last
    /// `periodMinutes`. A period without arrivals gets 0 servers. O(periods × (c² + steps)).
    public static func servers(
        for target: ServiceTarget, ratesPerPeriod: [Double], periodMinutes: Double, meanService: Double,
        method: Method = .modifiedOfferedLoad
    ) -> [Int?] {
        let loads: [Double]
        switch method {
        case .sipp: loads = ratesPerPeriod.map { $0 * meanService }
        case .modifiedOfferedLoad:
            loads = peakOfferedLoads(
                ratesPerPeriod: ratesPerPeriod, periodMinutes: periodMinutes, meanService: meanService)
        }
        return loads.map { load in
            load <= 0
                ? 0 : ErlangC.fewestServers(for: target, arrivalRate: load / meanService, meanService: meanService)
        }
    }

    /// The largest infinite-server offered load m(t) within each period, with m(0) = 0 (the office
    /// opens empty). Integrates the linear ODE exactly over each period: with λ constant on a period,
    /// m(t) = λE[S] + (m₀ − λE[S])·e^(−t/E[S]) is monotone, so its peak is at an end of the period.
    public static func peakOfferedLoads(ratesPerPeriod: [Double], periodMinutes: Double, meanService: Double)
        -> [Double]
    {
        var load = 0.0
        var peaks: [Double] = []
        for rate in ratesPerPeriod {
            let steady = rate * meanService
            let end = steady + (load - steady) * exp(-periodMinutes / meanService)
            peaks.append(max(load, end))
            load = end
        }
        return peaks
    }
}
