/// Where an office stands: latitude and longitude in degrees (WGS 84), as the bundled kelurahan data
/// gives them (polygon centroids). Only reports read it (the map of offices); the simulation does not.
public struct GeoPosition: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
