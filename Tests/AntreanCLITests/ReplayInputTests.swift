import Foundation
import Testing

/// What `antrean replay` does with the inputs the issue-16 probe sent it: CRLF and invalid UTF-8 traces,
/// requests dated outside the supported range, sample or weak secrets, badly protected secret files.
@Suite struct ReplayInputTests {
    typealias Replay = ReplayCommandTests

    static let book =
        #"{"op":"book","id":"ID","at":"AT","nik":"6472011204850003","office":"kel-sidodadi","service":"ktp"}"#

    static func book(id: String, at: String, nik: String = "6472011204850003") -> String {
        book.replacingOccurrences(of: "ID", with: id).replacingOccurrences(of: "AT", with: at)
            .replacingOccurrences(of: "6472011204850003", with: nik)
    }

    @Test func crlfTraceGivesEveryLineItsDecision() throws {
        let lines = [
            Self.book(id: "a", at: "2026-11-22T12:00:00+08:00"),
            Self.book(id: "b", at: "2026-11-22T12:01:00+08:00", nik: "3578015203990001"),
            #"{"op":"cancel","id":"c","at":"2026-11-22T12:02:00+08:00","booking_ref":"a"}"#,
        ]
        let result = try Replay.replay(bytes: Data((lines.joined(separator: "\r\n") + "\r\n").utf8), name: "crlf.jsonl")
        #expect(result.status == 0)
        let decisions = try Replay.decisions(result.standardOutput)
        #expect(decisions.map { $0["line"] as? Int } == [1, 2, 3, nil])
        #expect(decisions.prefix(3).allSatisfy { $0["ok"] as? Bool == true })
    }

    @Test func anInvalidUTF8LineIsOneMalformedDecision() throws {
        var trace = Data((Self.book(id: "a", at: "2026-11-22T12:00:00+08:00") + "\n").utf8)
        trace += Data(#"{"op":"book","id":"b","at":"2026-11-22T12:00:00+08:00","office":""#.utf8) + Data([0xC3, 0x28])
        trace += Data("\"}\n".utf8)
        trace += Data(Self.book(id: "c", at: "2026-11-22T12:01:00+08:00", nik: "3578015203990001").utf8)
        let result = try Replay.replay(bytes: trace, name: "utf8.jsonl")
        #expect(result.status == 0)
        let decisions = try Replay.decisions(result.standardOutput)
        #expect(decisions.map { $0["line"] as? Int } == [1, 2, 3, nil])
        #expect(decisions[1]["reason"] as? String == "malformed")
        #expect(decisions[1]["message"] as? String == "not valid UTF-8 text")
        #expect(result.standardError.contains("utf8.jsonl:2: malformed request: not valid UTF-8 text"))
        #expect(decisions[0]["ok"] as? Bool == true && decisions[2]["ok"] as? Bool == true)
    }

    /// Years before 1970 (and 0000, 0001, +999) used to trap in the token signer after the booking was
    /// committed; now each line is refused or reported malformed, nothing is stored, and the trace goes on.
    @Test func outOfRangeAndMalformedInstantsAreDecidedPerLine() throws {
        let trace = [
            Self.book(id: "old", at: "1960-11-22T12:00:00+08:00"),
            Self.book(id: "zero", at: "0000-01-01T00:00:00Z"),
            Self.book(id: "one", at: "0001-01-01T08:00:00+08:00"),
            Self.book(id: "far", at: "9999-12-31T12:00:00Z"),
            Self.book(id: "sign", at: "+999-11-22T12:00:00Z"),
            Self.book(id: "offset", at: "2026-11-22T12:00:00+99:99"),
            Self.book(id: "hour", at: "2026-11-22T-1:00:00+08:00"),
            Self.book(id: "both", at: "2026-11-22T12:00:00+1:+1"),
            Self.book(id: "good", at: "2026-11-22T12:00:00+08:00"),
        ].joined(separator: "\n")
        let result = try Replay.replay(trace, name: "instants.jsonl")
        #expect(result.status == 0, "\(result.standardError)")
        let decisions = try Replay.decisions(result.standardOutput)
        #expect(decisions.count == 10)
        for index in 0..<4 { #expect(decisions[index]["reason"] as? String == "instant_out_of_range") }
        for index in 4..<8 { #expect(decisions[index]["reason"] as? String == "malformed") }
        #expect(decisions[8]["ok"] as? Bool == true && decisions[8]["token"] is String)
        let summary = try #require(decisions[9]["summary"] as? [String: Any])
        #expect(summary["bookings_in_store"] as? Int == 1)
    }

    /// The invalid-NIK refusal says which digits are wrong without repeating them (a birth date).
    @Test func invalidNIKRefusalsDoNotEchoTheNIK() throws {
        let result = try Replay.replay(
            Self.book(id: "a", at: "2026-11-22T12:00:00+08:00", nik: "6472011213850003"), name: "nik.jsonl")
        let decisions = try Replay.decisions(result.standardOutput)
        #expect(decisions[0]["reason"] as? String == "invalid_nik")
        for text in [result.standardOutput, result.standardError] {
            #expect(!text.contains("121385") && !text.contains("1213"))
        }
    }

    @Test func aMissingRequestFileExitsWithSixtySix() throws {
        let config = try Replay.bundledConfigWithSecrets()
        defer { try? FileManager.default.removeItem(at: config.deletingLastPathComponent()) }
        let result = try AntreanProcess.run([
            "replay", "/nonexistent/requests.jsonl", "--config", config.path, "--store", "/tmp/unused-\(UUID())",
        ])
        #expect(result.status == 66)
        #expect(result.standardError.contains("/nonexistent/requests.jsonl: cannot read"))
    }
}
