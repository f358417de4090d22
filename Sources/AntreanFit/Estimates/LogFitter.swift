import Foundation

/// Accumulates what the fit needs from a stream of log rows, each in O(1): counts by office ×
/// weekday × hour, service times and waits grouped by second, booking outcomes by lead time, and
/// running moments. Memory depends on the offices, services and distinct durations, not on rows.
struct LogFitter {
    /// Lead-time bands for no-shows, in days: [0, 1), [1, 3), [3, 7), [7, 14), [14, 28], (28, ∞).
    static let leadBandEdges: [Double] = [1, 3, 7, 14, 28]

    /// Arrivals by office, then by weekday (Monday 0 … Sunday 6) × 24 + hour: walk-ins and booked.
    var walkIns: [[Int]] = []
    var booked: [[Int]] = []
    /// (replication, WITA day) pairs seen, for the days behind each weekday's estimates.
    var days = Set<Int64>()
    var serviceSeconds: [[Double: Int]] = []
    var noShowByBand = [Proportion](repeating: Proportion(successes: 0, trials: 0), count: 6)
    var lateByBand = [Int](repeating: 0, count: 6)
    var noShowWithoutLead = Proportion(successes: 0, trials: 0)
    var leadDays = RunningMoments()
    var punctualityMinutes = RunningMoments()
    var punctualitySamples: [Double: Int] = [:]
    var patience = CensoredSample()
    var outcomes = [Int](repeating: 0, count: LogOutcome.allCases.count)
    var channels = [Int](repeating: 0, count: LogChannel.allCases.count)
    var renegedWithoutTimes = 0
    var rows = 0

    mutating func add(_ record: LogRecord) {
        rows += 1
        outcomes[record.outcome.rawValue] += 1
        channels[record.channel.rawValue] += 1
        let office = Int(record.office)
        while walkIns.count <= office {
            walkIns.append([Int](repeating: 0, count: 7 * 24))
            booked.append([Int](repeating: 0, count: 7 * 24))
        }
        let arrival = record.arrivalTime.isNaN ? record.checkInTime : record.arrivalTime
        let visitDay = [arrival, record.serviceStart, record.appointmentTime, record.leftTime].first { !$0.isNaN }
        if let visitDay {
            days.insert(Int64(record.replication) << 32 | Int64(Self.localDay(visitDay) & 0xFFFF_FFFF))
        }
        if !arrival.isNaN, record.outcome != .cancelled, record.outcome != .refused {
            let slot = Self.weekday(arrival) * 24 + Self.hour(arrival)
            if record.channel.isBooked { booked[office][slot] += 1 } else { walkIns[office][slot] += 1 }
        }
        if record.outcome == .served, !record.serviceStart.isNaN, !record.serviceEnd.isNaN {
            let service = Int(record.service)
            while serviceSeconds.count <= service { serviceSeconds.append([:]) }
            serviceSeconds[service][Self.minutesToSecond(record.serviceEnd - record.serviceStart), default: 0] += 1
        }
        if record.channel.isBooked, !record.appointmentTime.isNaN { addBooking(record) }
        if record.channel == .walkIn, !record.isPriority { addPatience(record) }
    }

    private mutating func addBooking(_ record: LogRecord) {
        if !record.arrivalTime.isNaN {
            let minutes = (record.arrivalTime - record.appointmentTime) / 60
            punctualityMinutes.add(minutes)
            punctualitySamples[(minutes * 60).rounded() / 60, default: 0] += 1
        }
        guard record.outcome != .cancelled, record.outcome != .refused else { return }
        let neverCame = record.outcome == .noShow && record.arrivalTime.isNaN && record.checkInTime.isNaN
        guard !record.bookingTime.isNaN else {
            noShowWithoutLead.trials += 1
            if neverCame { noShowWithoutLead.successes += 1 }
            return
        }
        let lead = (record.appointmentTime - record.bookingTime) / 86_400
        leadDays.add(lead)
        let band = Self.leadBandEdges.firstIndex { lead < $0 || ($0 == 28 && lead <= 28) } ?? 5
        noShowByBand[band].trials += 1
        if neverCame { noShowByBand[band].successes += 1 }
        if record.outcome == .noShow && !neverCame { lateByBand[band] += 1 }
    }

    /// Walk-ins who joined the line: those who left give their patience; the served were still
    /// patient when called (censored at their wait). Priority walk-ins are left out: they go first
    /// and the model never lets them leave.
    private mutating func addPatience(_ record: LogRecord) {
        let joined = record.checkInTime.isNaN ? record.arrivalTime : record.checkInTime
        guard !joined.isNaN else { return }
        switch record.outcome {
        case .served where !record.serviceStart.isNaN:
            patience.add(Self.minutesToSecond(record.serviceStart - joined), isEvent: false)
        case .reneged:
            if record.leftTime.isNaN {
                renegedWithoutTimes += 1
            } else {
                patience.add(Self.minutesToSecond(record.leftTime - joined), isEvent: true)
            }
        default: break
        }
    }

    /// Seconds → minutes, rounded to the whole second (the resolution durations are grouped at).
    static func minutesToSecond(_ seconds: Double) -> Double { max(0, seconds.rounded()) / 60 }

    static func localSeconds(_ utc: Double) -> Double { utc + Double(Timestamp.witaOffsetSeconds) }
    static func localDay(_ utc: Double) -> Int { Int((localSeconds(utc) / 86_400).rounded(.down)) }
    /// Monday 0 … Sunday 6 (1970-01-01 was a Thursday).
    static func weekday(_ utc: Double) -> Int { ((localDay(utc) + 3) % 7 + 7) % 7 }
    static func hour(_ utc: Double) -> Int {
        let second = localSeconds(utc) - Double(localDay(utc)) * 86_400
        return min(23, max(0, Int(second / 3600)))
    }
}
