/// The time average of a piecewise-constant quantity (queue length, busy servers, customers in
/// system): ∫ value dt / elapsed, updated in O(1) at each change.
///
/// `reset(at:)` starts a fresh observation window keeping the current value (warm-up deletion).
public struct TimeWeightedAverage: Sendable, Hashable {
    @inlinable public var value: Double { _value }
    @usableFromInline var _value: Double
    @inlinable public var windowStart: Double { _windowStart }
    @usableFromInline var _windowStart: Double
    @usableFromInline var lastChange: Double
    @usableFromInline var area: Double = 0

    public init(value: Double = 0, at time: Double = 0) {
        self._value = value
        _windowStart = time
        lastChange = time
    }

    /// Records that the quantity becomes `newValue` at `time` (non-decreasing times).
    @inlinable
    public mutating func record(_ newValue: Double, at time: Double) {
        area += value * (time - lastChange)
        lastChange = time
        _value = newValue
    }

    /// Adds `delta` to the quantity at `time`.
    @inlinable
    public mutating func add(_ delta: Double, at time: Double) { record(value + delta, at: time) }

    /// Forgets everything before `time`; the current value carries on.
    public mutating func reset(at time: Double) {
        area = 0
        _windowStart = time
        lastChange = time
    }

    /// ∫ value dt over [windowStart, time].
    public func integral(until time: Double) -> Double { area + value * (time - lastChange) }

    /// The time average over [windowStart, time]; the current value for an empty window.
    public func average(until time: Double) -> Double {
        let elapsed = time - windowStart
        return elapsed > 0 ? integral(until: time) / elapsed : value
    }
}
