/// Appends bytes to a caller-provided buffer (stack or string storage), so building and checking a
/// token allocates nothing of its own. Writing past the buffer's end is a programming error.
struct ByteWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// The bytes written so far.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[..<count]) }

    mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { append(byte) }
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { append(byte) }
    }

    mutating func append(ascii text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The integer's bytes, most significant first.
    mutating func append<Word: FixedWidthInteger & UnsignedInteger>(bigEndian word: Word) {
        var shift = Word.bitWidth - 8
        while true {
            append(UInt8(truncatingIfNeeded: word >> shift))
            if shift == 0 { break }
            shift -= 8
        }
    }
}
