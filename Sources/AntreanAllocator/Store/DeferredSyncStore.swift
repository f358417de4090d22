/// A store that can split a commit in two: `commit` makes a batch atomic and survive a crash of the
/// process, and `sync` then makes it survive a power loss. The group committer overlaps them: it writes
/// the next batch while the previous ones sync, and acknowledges a batch only after a `sync` that began
/// once its `commit` had returned.
public protocol DeferredSyncStore: AllocatorStore {
    /// Whether `commit` leaves power-loss durability to `sync` (when false, `commit` is fully durable and
    /// the committer never calls `sync`).
    var defersSync: Bool { get }

    /// Makes every batch whose `commit` returned before this call began survive a power loss.
    func sync() throws
}
