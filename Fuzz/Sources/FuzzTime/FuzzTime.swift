import AntreanAllocator
import FuzzSupport

/// Fuzzes the strict ISO 8601 parser of request lines (`Instant(iso8601:)`)
/// and `LocalDate(parsing:)`. Beyond not trapping, what they accept must survive a round trip through
/// the canonical form (`Instant.description`, `LocalDate.description`) for years 1…9999, the years whose
/// canonical form is four digits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTime(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    if let instant = Instant(iso8601: text) {
        let date = LocalDate(daysSinceEpoch: Int(instant.secondsSinceEpoch.dividedRoundingDown(by: 86_400)))
        if (1...9999).contains(date.year) {
            let canonical = instant.description
            guard Instant(iso8601: canonical) == instant else {
                fuzzFailure("Instant(iso8601: \(canonical)) is not the instant \(canonical) describes")
            }
        }
    }
    if let date = LocalDate(parsing: text), (1...9999).contains(date.year) {
        guard LocalDate(parsing: date.description) == date else {
            fuzzFailure("LocalDate(parsing: \(date.description)) differs from \(date)")
        }
    }
    return 0
}

extension Int64 {
    fileprivate func dividedRoundingDown(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}

@_cdecl("FuzzTime_main")
public func fuzzTimeMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { fuzzTime($0, $1) }
}
