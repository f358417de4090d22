/// A pool of records addressed by a small integer id, with a free list: removing a record makes
/// its slot available to the next insertion. Memory is bounded by the largest number of records
/// alive at once (customers in the system), not by how many were ever inserted. O(1) operations.
public struct Slab<Element> {
    @usableFromInline var slots: ContiguousArray<Element> = []
    @usableFromInline var free: ContiguousArray<Int32> = []

    public init() {}

    /// Number of live records.
    @inlinable public var count: Int { slots.count - free.count }
    /// Slots allocated so far (live or free): the high-water mark.
    @inlinable public var capacity: Int { slots.count }

    @inlinable @inline(__always)
    public mutating func insert(_ element: Element) -> Int32 {
        if let id = free.popLast() {
            slots[Int(id)] = element
            return id
        }
        slots.append(element)
        return Int32(slots.count - 1)
    }

    /// Frees the slot of `id` (the element stays until overwritten; do not read it again).
    @inlinable @inline(__always)
    public mutating func remove(_ id: Int32) { free.append(id) }

    @inlinable
    public subscript(id: Int32) -> Element {
        get { slots[Int(id)] }
        _modify { yield &slots[Int(id)] }
    }
}

extension Slab: Sendable where Element: Sendable {}
