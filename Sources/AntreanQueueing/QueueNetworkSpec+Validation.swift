import AntreanEngine

/// A queue network spec that cannot run, with a message naming the queue and field.
public struct QueueNetworkError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension QueueNetworkSpec {
    /// The most counters a queue or roster block may have (far beyond any office; keeps sums in range).
    public static let maximumCounters = 100_000

    /// Checks every field; throws a `QueueNetworkError` naming the first problem found.
    public func validate() throws(QueueNetworkError) {
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(QueueNetworkError) {
            if !condition { throw QueueNetworkError(message()) }
        }
        try require(!queues.isEmpty, "the model has no queues")
        switch runLength {
        case .minutes(let minutes):
            try require(
                minutes.isFinite && minutes > 0, "run length must be a positive number of minutes, got \(minutes)")
            try require(
                warmUpMinutes < minutes, "warm-up (\(warmUpMinutes) min) must be shorter than the run (\(minutes) min)")
        case .arrivals(let count):
            try require(count > 0, "run length must be a positive number of arrivals, got \(count)")
        }
        try require(
            warmUpMinutes.isFinite && warmUpMinutes >= 0,
            "warm-up must be a finite number ≥ 0 minutes, got \(warmUpMinutes)")
        var names = Set<String>()
        for queue in queues {
            let field = "queue \"\(queue.name)\""
            try require(!queue.name.isEmpty, "a queue has an empty name")
            try require(!queue.name.contains("."), "\(field): a name must not contain \".\" (metric keys use dots)")
            try require(names.insert(queue.name).inserted, "two queues are named \"\(queue.name)\"")
            try require(queue.counters >= 1, "\(field).counters must be at least 1, got \(queue.counters)")
            try queue.roster?.validate(field: field, most: Self.maximumCounters)
            try require(queue.maximumCounters >= 1, "\(field).roster: no counter is ever on duty")
            do {
                try queue.service.validateAsDuration(meanMustBePositive: true)
            } catch {
                throw QueueNetworkError("\(field).service: \(error.message)")
            }
            do {
                try queue.patience?.validateAsDuration(meanMustBePositive: false)
            } catch {
                throw QueueNetworkError("\(field).patience: \(error.message)")
            }
            switch queue.arrivals {
            case .poisson(let rate):
                try require(rate.isFinite && rate > 0, "\(field).arrivals: rate must be positive, got \(rate)/min")
            case .hourlyProfile(let rates):
                try require(!rates.isEmpty, "\(field).arrivals: the hourly profile is empty")
                for (hour, rate) in rates.enumerated() {
                    try require(
                        rate.isFinite && rate >= 0, "\(field).arrivals: rate of hour \(hour) must be ≥ 0, got \(rate)")
                }
                try require(rates.contains { $0 > 0 }, "\(field).arrivals: every hourly rate is zero")
            }
            var classNames = Set<String>()
            for customerClass in queue.classes {
                let classField = "\(field).classes \"\(customerClass.name)\""
                try require(!customerClass.name.isEmpty, "\(field): a class has an empty name")
                try require(!customerClass.name.contains("."), "\(classField): a name must not contain \".\"")
                try require(
                    classNames.insert(customerClass.name).inserted,
                    "\(field): two classes are named \"\(customerClass.name)\"")
                try require(
                    customerClass.share.isFinite && customerClass.share > 0,
                    "\(classField).share must be positive, got \(customerClass.share)")
                try require(
                    customerClass.priority >= 0, "\(classField).priority must be ≥ 0, got \(customerClass.priority)")
            }
        }
    }
}
