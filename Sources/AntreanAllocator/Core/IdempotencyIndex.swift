/// Each booking's idempotency key, and the booking each citizen's key made, in about 37 bytes per keyed
/// booking at a year's volume (it was about 200 with UUID keys).
///
/// - The keys sit in an array parallel to the bookings (`StoredIdempotencyKey`, 24 bytes, a UUID packed).
/// - The index maps a 64-bit fingerprint of (NIK hash, key) to the booking's position (12 bytes a bucket),
///   and a lookup checks the key and the NIK hash stored at that position, so a match is exact. A scope
///   whose fingerprint another scope already holds goes to an exact table (at a year's 400,000 keys the
///   chance that any two collide is about 4 in 10^9; the fingerprint is `Hasher`'s, seeded per process,
///   so a collision cannot be aimed at).
/// - The index is a ``ShardedDictionary``, so growing it never pauses a booking for a whole rehash.
///
/// Lookups, inserts and removals are O(1) expected.
struct IdempotencyIndex: Sendable {
    /// The key of the booking at each position (`.none` for a booking without one).
    private var keys = SlidingArray<StoredIdempotencyKey>()
    private var positions = ShardedDictionary<UInt64, UInt32>()
    /// Scopes the fingerprint index cannot hold: their fingerprint is taken, or their position is
    /// beyond 32 bits.
    private var collided: [IdempotencyScope: Int] = [:]
    /// The fingerprint's bits kept: all of them, except in tests that make fingerprints collide.
    private let fingerprintMask: UInt64

    init(fingerprintMask: UInt64 = .max) { self.fingerprintMask = fingerprintMask }

    /// The number of scopes indexed.
    var count: Int { positions.count + collided.count }

    /// Positions whose keys are held: those of the bookings (the same positions).
    var indices: Range<Int> { keys.indices }

    /// Records the key of the booking at the next position. O(1) amortized.
    mutating func appendKey(_ key: String?) { keys.append(StoredIdempotencyKey(key)) }

    /// The key of the booking at `position`, if it has one and the position is held.
    func key(at position: Int) -> String? { keys.indices.contains(position) ? keys[position].text : nil }

    /// The position of the booking that `scope` made, if it is indexed. `nikHash` gives the NIK hash of
    /// the booking at a held position.
    func position(of scope: IdempotencyScope, nikHash: (Int) -> NIKHash) -> Int? {
        if let position = positions[fingerprint(scope)].map(Int.init),
            holds(scope, at: position, key: StoredIdempotencyKey(scope.key), nikHash: nikHash)
        {
            return position
        }
        return collided.isEmpty ? nil : collided[scope]
    }

    /// Indexes `scope` as made by the booking at `position` (whose key was appended). A scope indexed
    /// already now points at `position`.
    mutating func insert(_ scope: IdempotencyScope, at position: Int, nikHash: (Int) -> NIKHash) {
        if !collided.isEmpty { collided[scope] = nil }
        let fingerprint = fingerprint(scope)
        guard let small = UInt32(exactly: position) else {
            remove(scope, at: self.position(of: scope, nikHash: nikHash) ?? -1)
            collided[scope] = position
            return
        }
        if let other = positions[fingerprint].map(Int.init),
            !holds(scope, at: other, key: StoredIdempotencyKey(scope.key), nikHash: nikHash)
        {
            collided[scope] = position
        } else {
            positions[fingerprint] = small
        }
    }

    /// Removes `scope` if the booking at `position` is the one it points at.
    mutating func remove(_ scope: IdempotencyScope, at position: Int) {
        let fingerprint = fingerprint(scope)
        if let indexed = positions[fingerprint], Int(indexed) == position {
            positions[fingerprint] = nil
        } else if !collided.isEmpty, collided[scope] == position {
            collided[scope] = nil
        }
    }

    /// Forgets the keys below `position` (their scopes must have been removed). Amortized O(1) each.
    mutating func dropKeys(below position: Int) { keys.dropPositions(below: position) }

    /// Makes room for `bookings` held keys and `scopes` indexed scopes in all.
    mutating func reserveCapacity(bookings: Int, scopes: Int) {
        if bookings > 0 { keys.reserveCapacity(bookings) }
        if scopes > 0 { positions.reserveCapacity(scopes) }
    }

    private func holds(
        _ scope: IdempotencyScope, at position: Int, key: StoredIdempotencyKey, nikHash: (Int) -> NIKHash
    ) -> Bool {
        keys.indices.contains(position) && keys[position] == key && nikHash(position) == scope.nikHash
    }

    private func fingerprint(_ scope: IdempotencyScope) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(scope.nikHash)
        hasher.combine(scope.key)
        return UInt64(truncatingIfNeeded: hasher.finalize()) & fingerprintMask
    }
}

extension UInt64: ShardedKey {
    /// A fingerprint's bits are already evenly spread.
    var shardBits: UInt64 { self }
}
