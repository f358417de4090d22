/// Which way a KPI is better, read from its leaf name (the city metric contract's vocabulary).
public enum MetricDirection: String, Sendable, Hashable {
    case lowerIsBetter = "lower is better"
    case higherIsBetter = "higher is better"
    /// Counts of demand, staffing and the like: a difference is reported but not judged.
    case neutral

    /// `wait_minutes.p90` → lower; `served` → higher; `arrivals` → neutral.
    public init(metric key: String) {
        let parts = key.split(separator: ".")
        // A quantile leaf (p90) takes its parent's direction.
        var name = parts.last.map(String.init) ?? key
        if parts.count >= 2, name.first == "p", name.dropFirst().allSatisfy(\.isNumber) {
            name = String(parts[parts.count - 2])
        }
        let lower: Set<String> = [
            "wait_minutes", "system_minutes", "queue_length", "in_system", "no_shows", "balked", "reneged",
            "abandoned", "cancelled", "overtime_minutes", "booking_lead_days", "in_system_at_end",
            // `antrean schedule`'s comparison of appointment templates.
            "idle_counter_minutes_per_day", "overtime_minutes_per_day", "turned_away", "booking_refused", "objective",
        ]
        let higher: Set<String> = ["served", "wait_within_target", "throughput_per_minute", "slot_utilization"]
        self = lower.contains(name) ? .lowerIsBetter : higher.contains(name) ? .higherIsBetter : .neutral
    }
}
