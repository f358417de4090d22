import AntreanAllocator
public import AntreanCity

/// A city scenario: the model plus how long and how often to run it.
public struct CityScenario: Sendable {
    public var model: CityModel
    public var days: Int
    public var run: RunSettings

    public init(model: CityModel, days: Int, run: RunSettings) {
        self.model = model
        self.days = days
        self.run = run
    }
}
