import AntreanCity

extension CityScenario {
    /// An office's `lat` and `lon` (degrees, both or neither): its place on the report's map.
    static func position(_ office: ScenarioFields, of node: ScenarioNode) throws(ScenarioError) -> GeoPosition? {
        let latitudeNode = office.optional("lat")
        let longitudeNode = office.optional("lon")
        guard let latitudeNode, let longitudeNode else {
            if latitudeNode != nil || longitudeNode != nil {
                throw node.error("give both lat and lon (degrees) or neither")
            }
            return nil
        }
        let latitude = try latitudeNode.double()
        guard (-90.0...90).contains(latitude) else {
            throw latitudeNode.error("expected a latitude from -90 to 90 degrees, got \(latitude)")
        }
        let longitude = try longitudeNode.double()
        guard (-180.0...180).contains(longitude) else {
            throw longitudeNode.error("expected a longitude from -180 to 180 degrees, got \(longitude)")
        }
        return GeoPosition(latitude: latitude, longitude: longitude)
    }
}
