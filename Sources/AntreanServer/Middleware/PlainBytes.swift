/// The bytes the direct routes take as they are in a query value or a header: RFC 3986's unreserved
/// characters and `:`. Anything else (a percent escape, a space, a quote) sends the request on to the
/// generated code, which decodes it fully.
enum PlainBytes {
    static func contains(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"), UInt8(ascii: ":"):
            true
        default: false
        }
    }
}
