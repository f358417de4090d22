/// Reads typed values from a fuzz input front to back, so that libFuzzer's mutations of the bytes become
/// mutations of a structure (rows, claims). Once the input is used up every read returns zero or empty:
/// any input, however short, is a valid structure.
public struct FuzzReader {
    private var bytes: ArraySlice<UInt8>

    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        bytes = ArraySlice(UnsafeBufferPointer(start: data, count: size))
    }

    public init(_ bytes: [UInt8]) { self.bytes = bytes[...] }

    public var isEmpty: Bool { bytes.isEmpty }

    public mutating func byte() -> UInt8 { bytes.popFirst() ?? 0 }

    /// Eight bytes, little-endian.
    public mutating func uint64() -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) { value |= UInt64(byte()) << UInt64(shift) }
        return value
    }

    public mutating func int64() -> Int64 { Int64(bitPattern: uint64()) }

    /// A length byte (at most `maximum`), then that many bytes.
    public mutating func bytes(upTo maximum: Int) -> [UInt8] {
        let count = min(Int(byte()), maximum, bytes.count)
        defer { bytes = bytes.dropFirst(count) }
        return Array(bytes.prefix(count))
    }

    /// One of `options` (which must not be empty).
    public mutating func pick<T>(_ options: [T]) -> T { options[Int(byte()) % options.count] }
}
