import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanOutbox
import Foundation
import Testing

/// The deliverer POSTs each due event to every subscriber, retries with backoff and seeded jitter until
/// a 2xx, then never again, and keeps all of it in the store so a restart resumes where it stopped.
@Suite struct DeliveryTests {
    typealias F = OutboxFixture
    static let portal = WebhookSubscriber(
        clientID: "portal", url: "https://portal.example/hooks/antrean", secret: "whsec_portal_5f0c2a")
    static let bot = WebhookSubscriber(clientID: "wa-bot", url: "https://bot.example/antrean", secret: "whsec_bot_91d7")

    static func deliverer(
        _ store: SQLiteAllocatorStore, _ subscribers: [WebhookSubscriber], _ receiver: ScriptedReceiver,
        _ clock: ManualClock, seed: UInt64 = 7, batchSize: Int = 100
    ) throws -> OutboxDeliverer {
        try OutboxDeliverer(
            store: store, subscribers: subscribers, transport: receiver, clock: clock,
            retry: RetryPolicy(baseSeconds: 10, capSeconds: 3600), seed: seed, batchSize: batchSize)
    }

    @Test func aFailedDeliveryIsRetriedWithJitteredBackoffUntil2xxThenNeverAgain() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        // Booked on Sunday for Monday 08:00: the reminder would be due in the past, so one event.
        let clock = ManualClock(F.sundayNoon)
        let (allocator, store) = try F.open(path, clock: clock)
        let receiver = ScriptedReceiver(scripts: [Self.portal.url: [503, 0, 500, 204]])
        let deliverer = try Self.deliverer(store, [Self.portal], receiver, clock)
        _ = try await allocator.book(F.slot(minute: 480), for: F.citizen(1)).get()
        let event = try #require(try store.outboxEvents().first)

        // The waits, drawn independently: full jitter over 1…10, 1…20, 1…40 seconds, same seed.
        var generator = SplitMix64(seed: 7)
        let waits = [10, 20, 40].map { Int64.random(in: 1...$0, using: &generator) }
        var attemptTimes = [clock.now()]
        for wait in waits { attemptTimes.append(attemptTimes[attemptTimes.count - 1].adding(seconds: wait)) }

        for (number, time) in attemptTimes.enumerated() {
            if number > 0 {
                // A second before the retry is due nothing is sent.
                clock.set(time.adding(seconds: -1))
                #expect(try await deliverer.deliverDue() == DeliveryPass())
                #expect(receiver.received.count == number)
            }
            clock.set(time)
            let pass = try await deliverer.deliverDue()
            #expect(pass == DeliveryPass(delivered: number == 3 ? 1 : 0, failed: number == 3 ? 0 : 1))
        }
        #expect(receiver.eventIDs == Array(repeating: event.id, count: 4))
        #expect(
            receiver.received.compactMap { $0.header("Antrean-Timestamp") }
                == attemptTimes.map { "\($0.secondsSinceEpoch)" })
        #expect(receiver.received.allSatisfy { $0.body == Array(event.body.utf8) })
        #expect(try store.outboxEvents().first?.isSettled == true)

        // Delivered: later passes, even a day later, send nothing more.
        clock.advance(seconds: 86_400)
        #expect(try await deliverer.deliverDue() == DeliveryPass())
        #expect(receiver.received.count == 4)
        #expect(try store.outboxBacklog(for: [Self.portal.clientID], at: clock.now()) == 0)
    }

    @Test func theBackoffCeilingDoublesUpToTheCap() {
        let policy = RetryPolicy(baseSeconds: 10, capSeconds: 3600)
        #expect(
            (1...12).map { policy.ceiling(afterAttempts: $0) } == [
                10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600, 3600,
            ])
        #expect(policy.ceiling(afterAttempts: Int.max) == 3600)
        var generator = SplitMix64(seed: 1)
        for attempts in 1...20 {
            let wait = policy.delay(afterAttempts: attempts, using: &generator)
            #expect(wait >= 1 && wait <= policy.ceiling(afterAttempts: attempts))
        }
    }

    @Test func everySubscriberGetsEveryEventAndAnEventSettlesWhenAllHaveIt() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let clock = ManualClock(F.sundayNoon)
        let (allocator, store) = try F.open(path, clock: clock)
        let receiver = ScriptedReceiver(scripts: [Self.bot.url: [503]])
        let deliverer = try Self.deliverer(store, [Self.portal, Self.bot], receiver, clock)
        _ = try await allocator.book(F.slot(minute: 480), for: F.citizen(1)).get()
        try await deliverer.deliverDue()
        let event = try #require(try store.outboxEvents().first)
        #expect(try store.deliveredClients(ofEvent: event.sequence) == ["portal"])
        #expect(event.isSettled == false)
        clock.advance(seconds: 10)
        try await deliverer.deliverDue()
        #expect(try store.deliveredClients(ofEvent: event.sequence) == ["portal", "wa-bot"])
        #expect(try store.outboxEvents().first?.isSettled == true)
        #expect(receiver.received.map(\.url) == [Self.portal.url, Self.bot.url, Self.bot.url])
    }

    @Test func aRestartDeliversWhatWasUndeliveredAndNothingTwice() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let clock = ManualClock(F.sundayNoon)
        var (allocator, store) = try F.open(path, clock: clock)
        let before = ScriptedReceiver(scripts: [Self.bot.url: [503, 503, 503]])
        var deliverer = try Self.deliverer(store, [Self.portal, Self.bot], before, clock)
        for citizen in 1...3 {
            _ = try await allocator.book(F.slot(minute: 480 + 15 * citizen), for: F.citizen(citizen))
        }
        try await deliverer.deliverDue()
        let events = try store.outboxEvents().map(\.id)
        #expect(
            before.received.filter { $0.url == Self.portal.url }.compactMap { $0.header("Antrean-Event-Id") } == events)
        #expect(before.received.filter { $0.url == Self.bot.url }.count == 3)

        // The process goes away (deliverer and store dropped) and comes back an hour later.
        store.close()
        let after = ScriptedReceiver()
        clock.advance(seconds: 3600)
        (allocator, store) = try F.open(path, clock: clock)
        deliverer = try Self.deliverer(store, [Self.portal, Self.bot], after, clock)
        #expect(try store.outboxBacklog(for: ["portal", "wa-bot"], at: clock.now()) == 3)
        try await deliverer.deliverDue()
        #expect(after.received.map(\.url) == Array(repeating: Self.bot.url, count: 3))
        #expect(after.eventIDs == events)
        #expect(try store.outboxEvents().allSatisfy(\.isSettled))
        _ = allocator
    }

    @Test func aNewSubscriberReceivesOnlyEventsWrittenAfterItJoined() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let clock = ManualClock(F.sundayNoon)
        let (allocator, store) = try F.open(path, clock: clock)
        let receiver = ScriptedReceiver()
        let first = try Self.deliverer(store, [Self.portal], receiver, clock)
        _ = try await allocator.book(F.slot(minute: 480), for: F.citizen(1)).get()
        try await first.deliverDue()
        let second = try Self.deliverer(store, [Self.portal, Self.bot], receiver, clock)
        _ = try await allocator.book(F.slot(minute: 495), for: F.citizen(2)).get()
        try await second.deliverDue()
        let ids = try store.outboxEvents().map(\.id)
        #expect(receiver.received.map(\.url) == [Self.portal.url, Self.portal.url, Self.bot.url])
        #expect(receiver.eventIDs == [ids[0], ids[1], ids[1]])
    }

    @Test func duplicateClientIDsAreRefused() throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let store = try SQLiteAllocatorStore(path: path, outbox: OutboxSettings())
        #expect(throws: OutboxSubscriberError.duplicateClient("portal")) {
            _ = try Self.deliverer(store, [Self.portal, Self.portal], ScriptedReceiver(), ManualClock(F.sundayNoon))
        }
    }

    /// The reminder goes out a day before the appointment, once; the reminders of a cancelled booking and
    /// of a rescheduled booking's old slot never go out.
    @Test func remindersFallDueTheDayBeforeAndAreDroppedOnCancelOrReschedule() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let clock = ManualClock(F.fridayNoon)
        let (allocator, store) = try F.open(path, clock: clock)
        let receiver = ScriptedReceiver()
        let deliverer = try Self.deliverer(store, [Self.portal], receiver, clock)
        for (citizen, minute) in [(1, 480), (2, 495), (3, 510)] {
            _ = try await allocator.book(F.slot(minute: minute), for: F.citizen(citizen)).get()
        }
        try await deliverer.deliverDue()
        #expect(receiver.received.count == 3)
        clock.advance(seconds: 86_400)  // Saturday noon
        _ = try await allocator.cancel(BookingID(2)).get()
        _ = try await allocator.reschedule(BookingID(3), to: F.slot(minute: 600)).get()
        let sunday = OfficeTimeZone.wita.instant(on: LocalDate(year: 2026, month: 11, day: 22), minuteOfDay: 0)

        func types(sinceRequest index: Int) -> [String] {
            receiver.received.dropFirst(index).map { request in
                let json = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
                let booking = json?["booking"] as? [String: Any]
                return "\(json?["type"] as? String ?? "?") #\(booking?["id"] as? Int ?? 0)"
            }
        }
        clock.set(sunday.adding(minutes: 480).adding(seconds: -1))
        try await deliverer.deliverDue()
        #expect(types(sinceRequest: 3) == ["booking.cancelled #2", "booking.rescheduled #3"])
        clock.set(sunday.adding(minutes: 480))
        try await deliverer.deliverDue()
        #expect(types(sinceRequest: 5) == ["booking.reminder #1"])
        clock.set(sunday.adding(minutes: 540))
        try await deliverer.deliverDue()
        #expect(receiver.received.count == 6)
        clock.set(sunday.adding(minutes: 600))
        try await deliverer.deliverDue()
        #expect(types(sinceRequest: 6) == ["booking.reminder #3"])
        clock.advance(seconds: 7 * 86_400)
        try await deliverer.deliverDue()
        #expect(receiver.received.count == 7)
        let voided = try store.outboxEvents().filter(\.isVoided).map { "\($0.type.rawValue) #\($0.booking)" }
        #expect(voided == ["booking.reminder #2", "booking.reminder #3"])
    }

    /// A reminder that could not go out before its appointment began (the deliverer was down) is dropped.
    @Test func aReminderPastItsAppointmentIsDropped() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let clock = ManualClock(F.fridayNoon)
        let (allocator, store) = try F.open(path, clock: clock)
        let receiver = ScriptedReceiver()
        let deliverer = try Self.deliverer(store, [Self.portal], receiver, clock)
        _ = try await allocator.book(F.slot(minute: 480), for: F.citizen(1)).get()
        clock.set(F.slot(minute: 480).start.adding(seconds: 1))
        try await deliverer.deliverDue()
        #expect(types(receiver) == ["booking.booked"])
        #expect(try store.outboxEvents().map(\.isVoided) == [false, true])
    }

    func types(_ receiver: ScriptedReceiver) -> [String] {
        receiver.received.compactMap { $0.header("Antrean-Event-Type") }
    }
}
