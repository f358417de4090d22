/// An identifier whose text is its identity (offices and services).
protocol TextIdentifier: Hashable, Sendable {
    var rawValue: String { get }
}

extension OfficeID: TextIdentifier {}
extension ServiceID: TextIdentifier {}

/// Finds the number (configuration order) of an office or service id with a multiplicative hash of its
/// UTF-8 bytes instead of a dictionary's SipHash: placement resolves several ids per request, and for
/// ids of a few dozen bytes SipHash's setup and finalization dominated. O(id length) per lookup.
struct IdentifierIndex<ID: TextIdentifier>: Sendable {
    private let ids: [ID]
    /// Numbers, -1 for empty; a power of two at least four times the id count (short probe runs).
    private let buckets: [Int32]

    /// `ids` must be distinct (the configuration is validated first).
    init(_ ids: [ID]) {
        self.ids = ids
        var size = 8
        while size < ids.count * 4 { size *= 2 }
        var buckets = [Int32](repeating: -1, count: size)
        for (number, id) in ids.enumerated() {
            var index = Self.hash(id.rawValue) & (size - 1)
            while buckets[index] >= 0 { index = (index + 1) & (size - 1) }
            buckets[index] = Int32(number)
        }
        self.buckets = buckets
    }

    subscript(id: ID) -> Int32? {
        let mask = buckets.count - 1
        var index = Self.hash(id.rawValue) & mask
        while true {
            let number = buckets[index]
            if number < 0 { return nil }
            if ids[Int(number)] == id { return number }
            index = (index + 1) & mask
        }
    }

    /// Mixes the UTF-8 bytes eight at a time (`withUTF8` makes a bridged string contiguous first, so
    /// every string is hashed the same way).
    private static func hash(_ text: String) -> Int {
        // Native strings are read in place; copying one to call `withUTF8` cost a retain and a release.
        if let mixed = text.utf8.withContiguousStorageIfAvailable(mix) { return Int(truncatingIfNeeded: mixed) }
        var text = text
        return Int(truncatingIfNeeded: text.withUTF8(mix))
    }

    private static func mix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        return hash ^ hash >> 29
    }
}
