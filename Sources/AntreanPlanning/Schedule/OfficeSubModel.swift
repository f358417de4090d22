public import AntreanCity

extension CityModel {
    /// Whether a citizen books only at their home office under this model's policy, so that one office
    /// can be simulated alone (`home-earliest`). Under the other policies a citizen may book at
    /// another office of the kecamatan or the city, and the offices must be simulated together.
    public var officesAreIndependent: Bool { policy == "home-earliest" }

    /// A city of one office that sees exactly what `office` sees in this city, when offices are
    /// independent (``officesAreIndependent``); otherwise this model unchanged.
    ///
    /// The office keeps its id (its random streams are keyed by it), counters, breaks and templates;
    /// it becomes a kelurahan office whose population is its catchment (the kecamatan's residents for a
    /// kecamatan office, the city's for the MPP), and its services become kelurahan services whose
    /// visit rates are the rates it receives (``CityModel/servicesGiven(at:)`` weights), in the same
    /// order. So its demand, service mix, slot plans and every random draw are those of the full run:
    /// a test checks that the office's figures are identical. Cost O(offices + services).
    public func officeSubModel(_ officeID: String) -> CityModel {
        guard officesAreIndependent, let office = offices.first(where: { $0.id == officeID }) else { return self }
        let catchment: Int
        switch office.kind {
        case .kelurahan: catchment = office.population
        case .kecamatan:
            catchment = offices.filter { $0.kind == .kelurahan && $0.kecamatanId == office.kecamatanId }
                .reduce(0) { $0 + $1.population }
        case .mpp: catchment = offices.filter { $0.kind == .kelurahan }.reduce(0) { $0 + $1.population }
        }
        var alone = office
        alone.kind = .kelurahan
        alone.population = catchment
        var given: [CityService] = []
        for service in services {
            let rate: Double
            switch (office.kind, service.givenAt) {
            case (.mpp, _) where service.mppShare > 0: rate = service.visitsPerThousandPerDay * service.mppShare
            case (.kelurahan, .kelurahan), (.kecamatan, .kecamatan):
                rate = service.visitsPerThousandPerDay * (1 - service.mppShare)
            default: continue
            }
            var local = service
            local.givenAt = .kelurahan
            local.mppShare = 0
            local.visitsPerThousandPerDay = rate
            given.append(local)
        }
        var model = self
        model.offices = [alone]
        model.services = given
        model.kecamatan = kecamatan.filter { $0.id == office.kecamatanId }
        model.placesOverride = placesOverride.filter { $0.key.office == officeID }
        return model
    }
}
