import AntreanEngine
import Testing

@testable import AntreanCity

/// The event heap moves `ScheduledEvent<CityEvent>` values on every step: 32 bytes lets a 4-ary node's
/// children share two cache lines. A wider payload would silently cost the whole run.
@Suite struct CityEventLayoutTests {
    @Test func scheduledCityEventsStayThirtyTwoBytes() {
        #expect(MemoryLayout<CityEvent>.size <= 16)
        #expect(MemoryLayout<ScheduledEvent<CityEvent>>.stride == 32)
    }

    /// Booking requests carry 16-bit office numbers, so a larger city is refused with an error, not a trap.
    @Test func aModelTooLargeForSixteenBitOfficeNumbersIsRefused() throws {
        var model = try CityFixtures.fixture("small-city.yaml").model
        let office = model.offices[0]
        model.offices = (0...Int(Int16.max)).map {
            var copy = office
            copy.id = "o\($0)"
            return copy
        }
        // Not `#expect(throws:)`: on failure it would print the whole simulation it got back.
        do {
            _ = try CitySimulation(model)
            Issue.record("a model of \(model.offices.count) offices was accepted")
        } catch {
            #expect(error.message.contains("at most"))
        }
    }
}
