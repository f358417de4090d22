import Synchronization

/// The allocator the citizen portal links: safe to call from many tasks at once, durable before it answers.
///
/// Each call runs the synchronous `AllocatorCore` under one mutex (so no interleaving can oversell a slot
/// or exceed a NIK limit), queues the changed records for the store inside that critical section, then
/// waits — outside the lock — until the group committer has made them durable. Refusals and successes are
/// only returned after everything they could depend on is durable. "Now" comes from the injected clock.
public final class Allocator: Sendable {
    private let core: Mutex<AllocatorCore>
    private let committer: GroupCommitter
    public let clock: any AllocatorClock
    public let nikHasher: NIKHasher

    /// Opens the allocator on `store`, rebuilding its state from the persisted records; records that
    /// break the allocator's rules are refused (see `AllocatorCore`'s restoring initializer).
    /// A `SQLiteAllocatorStore` is the store's only writer while it is open: the allocator holds it (and
    /// its lock) until the allocator is released or the store is closed.
    public init(
        configuration: AllocatorConfiguration, policy: any AllocationPolicy = HomeOfficeEarliestPolicy(),
        tokenSigner: QRTokenSigner, nikHasher: NIKHasher, store: any AllocatorStore, clock: any AllocatorClock
    ) throws(RestoreError) {
        let restored = try AllocatorCore(
            configuration: configuration, policy: policy, tokenSigner: tokenSigner, journalsChanges: true,
            restoringFrom: store)
        core = Mutex(restored)
        committer = GroupCommitter(store: store)
        self.clock = clock
        self.nikHasher = nikHasher
    }

    /// Runs `operation` on the core at the clock's now and returns once its effects are durable.
    public func perform<Value: Sendable>(
        _ operation: (inout AllocatorCore, Instant) -> Value
    ) async throws -> Value {
        let now = clock.now()
        let (value, sequence) = core.withLock { core in
            let value = operation(&core, now)
            return (value, committer.enqueue(core.drainChanges()))
        }
        try await committer.waitUntilDurable(sequence)
        return value
    }

    /// Like `perform`, for callers outside Swift concurrency: commits on the calling thread before returning.
    public func performSynchronously<Value: Sendable>(
        at now: Instant? = nil, _ operation: (inout AllocatorCore, Instant) -> Value
    ) throws -> Value {
        let now = now ?? clock.now()
        let value = core.withLock { core in
            let value = operation(&core, now)
            _ = committer.enqueue(core.drainChanges())
            return value
        }
        try committer.flushSynchronously()
        return value
    }

    /// Applies `operation` without waiting for durability: its result must not be shown to anyone until
    /// `flush()` returns. Lets a single-threaded caller (the replay command) group many operations into one
    /// commit and acknowledge them together afterwards.
    public func performDeferred<Value: Sendable>(at now: Instant, _ operation: (inout AllocatorCore, Instant) -> Value)
        -> Value
    {
        core.withLock { core in
            let value = operation(&core, now)
            _ = committer.enqueue(core.drainChanges())
            return value
        }
    }

    /// Commits everything applied so far on the calling thread; throws if the store failed.
    public func flush() throws { try committer.flushSynchronously() }

    /// A read-only look at the current state (no durability wait).
    public func read<Value: Sendable>(_ body: (borrowing AllocatorCore) -> Value) -> Value {
        core.withLock { body($0) }
    }

    /// Group-commit statistics: store transactions so far and the operations they covered
    /// (operations ÷ transactions = mean batch size).
    public var commitStatistics: (transactions: Int, operations: Int) { committer.statistics }

    /// A version of the allocator's state: the number of operations that changed a booking record so far
    /// (each is queued for the store under the allocator's lock). Every change a caller can observe —
    /// a booking, hold, cancellation, check-in, expired hold or released no-show — moves it, so an answer
    /// computed from the state at one version and one `now` (whole seconds) stays exact while both are
    /// unchanged. Read inside `perform` for the version the operation starts from. O(1).
    public var changeSequence: UInt64 { committer.enqueuedSequence }

    /// Validates and hashes a NIK into a `Citizen`; the NIK itself goes no further.
    public func citizen(nik: String, account: AccountID? = nil, isPriority: Bool = false) -> Result<
        Citizen, AllocationRefusal
    > {
        do {
            return .success(
                Citizen(nikHash: try nikHasher.hash(validating: nik), account: account, isPriority: isPriority))
        } catch {
            return .failure(.invalidNIK(error))
        }
    }

    // MARK: - Operations (see `AllocatorCore` for the rules and refusals of each)

    public func availability(
        service: ServiceID, offices: [OfficeID], isPriority: Bool = false, limit: Int = 10
    ) async throws -> [SlotAvailability] {
        try await perform { core, now in
            core.availability(
                service: service, offices: offices, isPriority: isPriority, from: now, limit: limit, now: now)
        }
    }

    public func availability(
        service: ServiceID, kecamatan: KecamatanID, isPriority: Bool = false, limit: Int = 10
    ) async throws -> [SlotAvailability] {
        try await perform { core, now in
            core.availability(
                service: service, kecamatan: kecamatan, isPriority: isPriority, from: now, limit: limit, now: now)
        }
    }

    public func hold(_ slot: SlotRef, for citizen: Citizen, idempotencyKey: String? = nil) async throws
        -> Result<BookingReceipt, AllocationRefusal>
    {
        try await perform { core, now in core.hold(slot, for: citizen, idempotencyKey: idempotencyKey, now: now) }
    }

    public func book(_ slot: SlotRef, for citizen: Citizen, idempotencyKey: String? = nil) async throws
        -> Result<BookingReceipt, AllocationRefusal>
    {
        try await perform { core, now in core.book(slot, for: citizen, idempotencyKey: idempotencyKey, now: now) }
    }

    public func place(_ request: PlacementRequest) async throws -> Result<BookingReceipt, AllocationRefusal> {
        try await perform { core, now in core.place(request, now: now) }
    }

    public func confirm(_ id: BookingID, by nikHash: NIKHash? = nil) async throws -> Result<
        BookingRecord, AllocationRefusal
    > {
        try await perform { core, now in core.confirm(id, by: nikHash, now: now) }
    }

    public func cancel(_ id: BookingID, by nikHash: NIKHash? = nil) async throws -> Result<
        BookingRecord, AllocationRefusal
    > {
        try await perform { core, now in core.cancel(id, by: nikHash, now: now) }
    }

    public func reschedule(_ id: BookingID, to slot: SlotRef, by nikHash: NIKHash? = nil) async throws
        -> Result<BookingRecord, AllocationRefusal>
    {
        try await perform { core, now in core.reschedule(id, to: slot, by: nikHash, now: now) }
    }

    public func issueToken(for id: BookingID) async throws -> Result<String, AllocationRefusal> {
        try await perform { core, now in core.issueToken(for: id, now: now) }
    }

    public func checkIn(token: String, at office: OfficeID) async throws -> Result<CheckInReceipt, AllocationRefusal> {
        try await perform { core, now in core.checkIn(token: token, at: office, now: now) }
    }

    /// See ``AllocatorCore/checkIn(booking:nik:at:now:)``: at the desk, by booking number and e-KTP.
    public func checkIn(
        booking id: BookingID, nik: NIKHash, at office: OfficeID
    ) async throws -> Result<CheckInReceipt, AllocationRefusal> {
        try await perform { core, now in core.checkIn(booking: id, nik: nik, at: office, now: now) }
    }

    /// See ``AllocatorCore/registerWalkIn(office:service:citizen:now:overflowToOnline:)``.
    public func registerWalkIn(
        office: OfficeID, service: ServiceID, citizen: Citizen, overflowToOnline: Bool = false
    ) async throws -> Result<BookingReceipt, AllocationRefusal> {
        try await perform { core, now in
            core.registerWalkIn(
                office: office, service: service, citizen: citizen, now: now, overflowToOnline: overflowToOnline)
        }
    }

    public func releaseNoShows() async throws -> [BookingID] {
        try await perform { core, now in core.releaseNoShows(now: now) }
    }

    /// Frees the memory of settled bookings whose slot started before `cutoff`, and of the day ledgers
    /// no held booking uses (see `AllocatorCore.retireHistory(before:)`), e.g. nightly with the start of
    /// the day as cutoff. The store is not touched: it keeps every record, and reopening restores them.
    /// Returns the number of bookings retired.
    @discardableResult
    public func retireHistory(before cutoff: Instant) -> Int {
        core.withLock { $0.retireHistory(before: cutoff) }
    }
}
