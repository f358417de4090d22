import AntreanServer
import Foundation
import Testing

/// The keys file refuses records no presented key could ever match, naming the field and never echoing
/// the text (found by FuzzClientKeys: Fuzz/Regressions/FuzzClientKeys/id-not-hex-accepted.json).
@Suite("the client keys file")
struct ClientKeyFileTests {
    static func file(id: String, sha256: String) -> Data {
        Data(
            """
            {"version": 1, "keys": [{"id": "1a2b3c01", "client": "a", "role": "desk", "createdAt": "2026-12-01T08:00:00Z",
              "sha256": "e548e9b819e8dc4cb5c0b561a08d25780dcd645e9fd0bb4fa399cec2d5aed5d0"},
             {"id": "\(id)", "client": "b", "role": "desk", "createdAt": "2026-12-01T08:00:00Z", "sha256": "\(sha256)"}]}
            """.utf8)
    }

    static let goodHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    @Test func aFileOfKeyShapedRecordsIsRead() throws {
        let file = try ClientKeyFile.parse(Self.file(id: "0badcafe", sha256: Self.goodHash), path: "keys.json")
        #expect(file.keys.map(\.id) == ["1a2b3c01", "0badcafe"])
    }

    @Test(arguments: ["1a2b3s01", "1A2B3C02", "1a2b3c0", "1a2b3c012", "\\u001b[2J1a2b3c", "１a2b3c01"])
    func anIdThatNoKeyCanPresentIsRefused(id: String) {
        #expect(throws: ClientKeyFileError.malformed("keys.json", "keys[1].id: expected 8 lowercase hex digits")) {
            try ClientKeyFile.parse(Self.file(id: id, sha256: Self.goodHash), path: "keys.json")
        }
    }

    /// A digest is compared with the lowercase hex SHA-256 of the presented key: upper case or full-width
    /// digits (which `Character.isHexDigit` admits) could never equal it.
    @Test(arguments: [
        "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
        "９f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0",
    ])
    func aHashNoDigestCanEqualIsRefused(sha256: String) {
        #expect(throws: ClientKeyFileError.malformed("keys.json", "keys[1].sha256: expected 64 lowercase hex digits")) {
            try ClientKeyFile.parse(Self.file(id: "0badcafe", sha256: sha256), path: "keys.json")
        }
    }
}
