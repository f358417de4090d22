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
}
