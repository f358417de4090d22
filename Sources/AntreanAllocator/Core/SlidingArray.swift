/// An array addressed by absolute position whose oldest elements can be dropped: positions never
/// shift, so an index stored elsewhere (a booking id, a NIK number) stays valid while its element is
/// held, and memory follows the elements still held rather than every element ever appended.
///
/// Dropping is lazy: the held elements are moved down only once the dropped prefix is at least as
/// long as what is held, so each element is moved at most once on average and the buffer never holds
/// more than twice the held elements plus the growth since the last move. Subscript and append are
/// O(1); `dropPositions(below:)` is amortized O(1) per dropped element.
struct SlidingArray<Element> {
    private var storage: [Element] = []
    /// Absolute position of `storage[0]`.
    private var storageStart = 0
    /// The first position still held; positions below it were dropped.
    private(set) var startIndex = 0

    init() {}

    /// One past the last position ever appended (the count of elements ever appended).
    var endIndex: Int { storageStart + storage.count }

    var indices: Range<Int> { startIndex..<endIndex }

    var isEmpty: Bool { startIndex == endIndex }

    subscript(position: Int) -> Element {
        get {
            assert(position >= startIndex, "position \(position) was dropped")
            return storage[position &- storageStart]
        }
        _modify {
            assert(position >= startIndex, "position \(position) was dropped")
            yield &storage[position &- storageStart]
        }
    }

    mutating func append(_ element: Element) { storage.append(element) }

    mutating func append(repeating element: Element, count: Int) {
        storage.append(contentsOf: repeatElement(element, count: count))
    }

    /// Makes room for `count` held elements in all. O(count) when it grows.
    mutating func reserveCapacity(_ count: Int) { storage.reserveCapacity(count + startIndex - storageStart) }

    /// Forgets every position below `position` (clamped to the held range). Returns whether the held
    /// elements were moved down (the moment to drop what depends on them, at amortized cost).
    @discardableResult
    mutating func dropPositions(below position: Int) -> Bool {
        startIndex = min(max(startIndex, position), endIndex)
        let dropped = startIndex - storageStart
        // Moving the held part down costs its length; waiting until the dropped part is as long pays
        // for the move with the drops (the buffer keeps its capacity, so nothing is reallocated).
        guard dropped > 0, dropped >= endIndex - startIndex else { return false }
        storage.removeFirst(dropped)
        storageStart = startIndex
        return true
    }
}

extension SlidingArray: Sendable where Element: Sendable {}
