/// A service (or service group) offered at offices.
public struct ServiceConfig: Hashable, Sendable, Codable {
    public var id: ServiceID
    /// Mean duration of one service in minutes; with the counters it sets the capacity per slot.
    public var meanServiceMinutes: Double
    /// Most bookings plus walk-ins per office and day (e.g. KK 20 a day in Tangerang Selatan); nil = no quota.
    public var dailyQuota: Int?

    public init(id: ServiceID, meanServiceMinutes: Double, dailyQuota: Int? = nil) {
        self.id = id
        self.meanServiceMinutes = meanServiceMinutes
        self.dailyQuota = dailyQuota
    }
}
