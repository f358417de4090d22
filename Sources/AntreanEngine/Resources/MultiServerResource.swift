import DequeModule

/// The customers a `MultiServerResource` queues, seen from the resource: it asks whether a queued
/// customer has since abandoned, and hands such a customer back to be discarded.
public protocol WaitingCustomers {
    func hasAbandoned(_ customer: Int32) -> Bool
    mutating func discard(_ customer: Int32)
}

/// `servers` identical servers with one waiting line per priority level (0 served first; FIFO
/// within a level, so one level is plain FIFO). Non-preemptive: a customer in service keeps its
/// server. Customers are small integer ids (e.g. `Slab` ids) of records the model keeps.
///
/// Abandonment (reneging) is lazy: `renege(at:)` only updates the counts; the id stays in its line
/// and is skipped, and discarded through `WaitingCustomers`, when it reaches the front. So every
/// operation is O(1) amortised (plus O(levels) to find the first non-empty line).
///
/// It keeps the time-weighted number waiting and number of busy servers, for queue length and
/// utilisation; `resetStatistics(at:)` implements warm-up deletion.
///
/// A roster may take servers off duty and bring them back (`setOnDuty(_:)`): a server over the
/// count on duty finishes its customer and then stays idle, as a counter closing for a shift change.
public struct MultiServerResource: Sendable {
    /// The servers there are (the desk); at most this many are ever on duty.
    public let servers: Int
    /// Servers on duty: `servers` unless a roster says fewer.
    @inlinable public var onDuty: Int { _onDuty }
    @usableFromInline var _onDuty: Int
    @inlinable public var busy: Int { _busy }
    @usableFromInline var _busy: Int = 0
    /// Customers waiting who have not abandoned.
    @inlinable public var waiting: Int { _waiting }
    @usableFromInline var _waiting: Int = 0
    /// The line of priority 0 (the only one under FIFO), kept apart from the others so that the
    /// common case touches one deque rather than an array of deques.
    @usableFromInline var firstLine = Deque<Int32>()
    /// Lines of priority 1, 2, … (index 0 is priority 1).
    @usableFromInline var lowerLines: [Deque<Int32>]
    @inlinable public var queueLength: TimeWeightedAverage { _queueLength }
    @usableFromInline var _queueLength: TimeWeightedAverage
    @inlinable public var busyServers: TimeWeightedAverage { _busyServers }
    @usableFromInline var _busyServers: TimeWeightedAverage

    public init(servers: Int, priorityLevels: Int = 1, at time: Double = 0) {
        precondition(servers >= 1, "a resource needs at least one server")
        precondition(priorityLevels >= 1, "need at least one priority level")
        self.servers = servers
        _onDuty = servers
        lowerLines = Array(repeating: Deque(), count: priorityLevels - 1)
        _queueLength = TimeWeightedAverage(at: time)
        _busyServers = TimeWeightedAverage(at: time)
    }

    /// A customer asks for a server: true if it got one at once, false if it now waits in line
    /// `priority`.
    @inlinable @inline(__always)
    public mutating func request(_ customer: Int32, priority: Int = 0, at time: Double) -> Bool {
        if busy < _onDuty {
            _busy += 1
            _busyServers.record(Double(busy), at: time)
            return true
        }
        if priority == 0 { firstLine.append(customer) } else { lowerLines[priority - 1].append(customer) }
        _waiting += 1
        _queueLength.record(Double(waiting), at: time)
        return false
    }

    /// A waiting customer gives up. The caller marks it abandoned in its own records.
    @inlinable @inline(__always)
    public mutating func renege(at time: Double) {
        _waiting -= 1
        _queueLength.record(Double(waiting), at: time)
    }

    /// A server finishes a service. Returns the waiting customer that takes the server over (it
    /// is no longer waiting), or nil if the line is empty and the server becomes idle.
    @inlinable @inline(__always)
    public mutating func release<Customers: WaitingCustomers>(at time: Double, customers: inout Customers) -> Int32? {
        if waiting > 0 {
            // A server beyond the count on duty leaves the line to the others.
            if busy <= _onDuty, let customer = firstWaiting(customers: &customers) {
                return takeFromLine(customer, at: time)
            }
        } else if !firstLine.isEmpty || !lowerLines.isEmpty {
            // Only abandoned ids can be left; drop them now so the lines stay short.
            while let customer = firstLine.popFirst() { customers.discard(customer) }
            for level in lowerLines.indices {
                while let customer = lowerLines[level].popFirst() { customers.discard(customer) }
            }
        }
        _busy -= 1
        _busyServers.record(Double(busy), at: time)
        return nil
    }

    /// Sets the servers on duty (0 … `servers`). Returns nothing: when the count rises, the caller
    /// takes the waiting customers who now get a server through `admitWaiting(at:customers:)`; when it
    /// falls, busy servers beyond it go off duty as they finish.
    public mutating func setOnDuty(_ count: Int) {
        _onDuty = min(max(0, count), servers)
    }

    /// The next waiting customer, now in service, if a server on duty is free; else nil. Call it
    /// until nil after `setOnDuty` raised the count.
    public mutating func admitWaiting<Customers: WaitingCustomers>(at time: Double, customers: inout Customers)
        -> Int32?
    {
        guard busy < _onDuty, waiting > 0, let customer = firstWaiting(customers: &customers) else { return nil }
        _busy += 1
        _busyServers.record(Double(busy), at: time)
        return takeFromLine(customer, at: time)
    }

    /// Pops the first customer who has not abandoned, by priority level (abandoned ones on the way
    /// are discarded); nil if only abandoned ids were left.
    @inlinable @inline(__always)
    mutating func firstWaiting<Customers: WaitingCustomers>(customers: inout Customers) -> Int32? {
        while let customer = firstLine.popFirst() {
            if customers.hasAbandoned(customer) {
                customers.discard(customer)
                continue
            }
            return customer
        }
        for level in lowerLines.indices {
            while let customer = lowerLines[level].popFirst() {
                if customers.hasAbandoned(customer) {
                    customers.discard(customer)
                    continue
                }
                return customer
            }
        }
        return nil
    }

    @inlinable @inline(__always)
    mutating func takeFromLine(_ customer: Int32, at time: Double) -> Int32 {
        _waiting -= 1
        _queueLength.record(Double(waiting), at: time)
        return customer
    }

    /// Starts new observation windows for queue length and busy servers at `time`.
    public mutating func resetStatistics(at time: Double) {
        _queueLength.reset(at: time)
        _busyServers.reset(at: time)
    }
}
