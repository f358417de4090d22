import AntreanReplay
import Foundation
import Testing

@Suite struct ReplayLineTests {
    static let book = #"{"op":"book","id":"r1","at":"2026-11-22T12:00:05+08:00","office":"kel-a","service":"ktp"}"#

    func numbers(_ text: [UInt8]) -> [Int] { ReplayLine.split(text).map(\.number) }

    /// Swift's `String` treats "\r\n" as one character, so splitting text on "\n" kept a CRLF file as one
    /// line; bytes are split on LF and each line loses one trailing CR.
    @Test func crlfAndLfFilesGiveTheSameLines() throws {
        let lines = [Self.book, Self.book.replacingOccurrences(of: "r1", with: "r2"), Self.book]
        let lf = Array(lines.joined(separator: "\n").utf8)
        let crlf = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
        #expect(ReplayLine.split(crlf).map { Array($0.bytes) } == ReplayLine.split(lf).map { Array($0.bytes) })
        #expect(numbers(crlf) == [1, 2, 3])
        for line in ReplayLine.split(crlf) {
            #expect(try ReplayLine.parse(line.bytes).get().op == "book")
        }
    }

    @Test func blankLinesAreSkippedButCounted() {
        let text = Array("\(Self.book)\n\n  \t\r\n\(Self.book)\n".utf8)
        #expect(numbers(text) == [1, 4])
        #expect(numbers([]) == [])
        #expect(numbers(Array("x".utf8)) == [1])
    }

    /// One invalid byte spoils its own line only, with a message that names the problem, not the bytes.
    @Test func invalidUTF8IsOneBadLine() {
        var text = Array("\(Self.book)\n".utf8)
        text += Array(#"{"op":"book","nik":"6472011204850003","x":""#.utf8) + [0xFF, 0xFE] + Array("\"}\n".utf8)
        text += Array(Self.book.utf8)
        let lines = ReplayLine.split(text)
        #expect(lines.map(\.number) == [1, 2, 3])
        let outcomes = lines.map { ReplayLine.parse($0.bytes) }
        #expect((try? outcomes[0].get()) != nil && (try? outcomes[2].get()) != nil)
        guard case .failure(let error) = outcomes[1] else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(error.message == "not valid UTF-8 text")
    }

    /// Messages say where a line is wrong but never repeat its values (a line may hold a NIK).
    @Test func errorsDoNotEchoValues() {
        let cases: [(String, String)] = [
            (#"{"op":"book","at":"x","nik":6472011204850003}"#, "nik: expected String"),
            (#"{"op":"book","nik":"6472011204850003"}"#, "at: missing"),
            (#"{"op":"book","at":"x","nik":"6472011204850003""#, "not valid JSON"),
            (#"{"op":"book","at":"x","nik":"6472011204850003","priority":"6472"}"#, "priority: expected Bool"),
        ]
        for (line, expected) in cases {
            guard case .failure(let error) = ReplayLine.parse(Array(line.utf8)) else {
                Issue.record("accepted: \(line)")
                continue
            }
            #expect(error.message == expected)
            #expect(!error.message.contains("6472"))
        }
    }
}
