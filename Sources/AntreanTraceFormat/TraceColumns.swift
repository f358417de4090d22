/// The columns of a visit trace, in order: what `antrean simulate --trace` writes (AntreanCity's trace
/// writer, as the CSV header and the JSON lines' member names) and the names `antrean fit` reads by
/// default (AntreanFit's `LogField`). One list for both, so that `fit` reads what `simulate --trace` writes.
/// A module of its own with no dependencies: the city and the fit depend on it, not on each other.
public enum TraceColumns {
    public static let names = [
        "replication", "office", "service", "channel", "priority", "booking_time", "appointment_time",
        "arrival_time", "check_in_time", "service_start", "service_end", "counter", "left_time", "outcome",
    ]
}
