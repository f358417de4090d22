import AntreanAllocator
import AntreanLocalization
import Foundation
import Testing

@Suite("Numbers in Indonesian and English style")
struct NumberFormattingTests {
    @Test("decimal comma and dot thousands in Indonesian")
    func indonesian() {
        #expect(Language.id.number(6.4, decimals: 1) == "6,4")
        #expect(Language.id.number(6.44, decimals: 1) + " menit" == "6,4 menit")
        #expect(Language.id.integer(40_249) + " dilayani" == "40.249 dilayani")
        #expect(Language.id.number(40_249, decimals: 0) == "40.249")
        #expect(Language.id.number(1_234_567.891, decimals: 2) == "1.234.567,89")
        #expect(Language.id.number(-1_500.25, decimals: 1) == "-1.500,2")
        #expect(Language.id.number(999, decimals: 0) == "999")
        #expect(Language.id.number(100_000, decimals: 0) == "100.000")
        #expect(Language.id.integer(-1_000) == "-1.000")
        #expect(Language.id.integer(Int.min) == "-9.223.372.036.854.775.808")
        #expect(Language.id.number(.nan, decimals: 1) == "–")
        #expect(Language.id.number(-.infinity, decimals: 1) == "–")
    }

    @Test("English keeps the plain printf style the tables always had")
    func english() {
        #expect(Language.en.number(6.4, decimals: 1) == "6.4")
        #expect(Language.en.integer(40_249) == "40249")
        #expect(Language.en.number(.infinity, decimals: 2) == "–")
    }

    @Test("an Indonesian number reads back as the English one (drop the dots, comma to point)")
    func roundTrip() {
        var generator = SplitMix64(seed: 0x5EED_1D)
        for _ in 0..<2_000 {
            // Values spread over many magnitudes and signs.
            let z = generator.next()
            let magnitude = pow(10, Double(z % 12)) * Double(z >> 11) / Double(1 << 53)
            let value = (z & 1 == 0 ? 1 : -1) * magnitude
            let decimals = Int(z % 5)
            let indonesian = Language.id.number(value, decimals: decimals)
            let english = Language.en.number(value, decimals: decimals)
            let readBack = indonesian.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            #expect(readBack == english)
            // Groups of exactly three digits between the dots.
            let whole = indonesian.split(separator: ",").first ?? ""
            let groups = whole.trimmingCharacters(in: CharacterSet(charactersIn: "-")).split(separator: ".")
            #expect(groups.dropFirst().allSatisfy { $0.count == 3 } && (1...3).contains(groups.first?.count ?? 0))
        }
    }
}
