public import AntreanCity

extension OfficeInfo {
    /// The city's offices as reports show them: display name, kind, kecamatan and position, in scenario order.
    public static func offices(of model: CityModel) -> [OfficeInfo] {
        model.offices.map { office in
            OfficeInfo(
                id: office.id, name: office.name, kind: office.kind.rawValue, kecamatanId: office.kecamatanId,
                latitude: office.position?.latitude, longitude: office.position?.longitude)
        }
    }
}
