import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanOutbox
import Foundation
import Testing

/// The deliverer's `route`: a delivery its route refuses is never sent, is recorded as done (so it
/// leaves the client's backlog and does not hold back the event's settling), and the routed ones go out
/// as before.
@Suite struct RoutingTests {
    typealias F = OutboxFixture

    @Test func aDeliveryRoutedAwayIsNeverSentAndLeavesNoBacklog() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let clock = ManualClock(F.sundayNoon)
        let (allocator, store) = try F.open(path, clock: clock)
        let portal = DeliveryTests.portal
        let bot = DeliveryTests.bot
        let receiver = ScriptedReceiver()
        // The portal gets only the first booking's events; the bot gets everything.
        let deliverer = try OutboxDeliverer(
            store: store, subscribers: [portal, bot], transport: receiver, clock: clock, seed: 3,
            route: { pending in pending.clientID != portal.clientID || pending.event.booking == BookingID(1) })
        _ = try await allocator.book(F.slot(minute: 480), for: F.citizen(3)).get()
        _ = try await allocator.book(F.slot(minute: 495), for: F.citizen(4)).get()
        let events = try store.outboxEvents()
        #expect(events.map(\.booking) == [BookingID(1), BookingID(2)])

        let pass = try await deliverer.deliverDue()
        #expect(pass == DeliveryPass(delivered: 3, failed: 0, skipped: 1))
        let sentToPortal = receiver.received.filter { $0.url == portal.url }.compactMap {
            $0.header("Antrean-Event-Id")
        }
        let sentToBot = receiver.received.filter { $0.url == bot.url }.compactMap { $0.header("Antrean-Event-Id") }
        #expect(sentToPortal == [events[0].id])
        #expect(sentToBot == events.map(\.id))
        #expect(try store.outboxBacklog(for: [portal.clientID, bot.clientID], at: clock.now()) == 0)
        #expect(try store.outboxEvents().allSatisfy { $0.isSettled })
        // Nothing is left to send, to either client, later on.
        clock.advance(seconds: 3600)
        #expect(try await deliverer.deliverDue() == DeliveryPass())
    }
}
