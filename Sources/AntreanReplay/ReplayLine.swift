import Foundation

/// The lines of a replay trace, read as bytes: a trace is split on LF with one trailing CR removed
/// (so CRLF files read as they look), and each line is decoded on its own, so that one bad line (invalid
/// UTF-8, broken JSON) costs only its own decision. Pure functions of their input.
public enum ReplayLine {
    /// The lines of `bytes` with their 1-based numbers, CR-LF or LF terminated; blank lines (only
    /// spaces, tabs or a CR) are left out but counted. O(n).
    public static func split(_ bytes: [UInt8]) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        var lines: [(number: Int, bytes: ArraySlice<UInt8>)] = []
        var start = 0
        var number = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            number += 1
            var line = bytes[start..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { lines.append((number, line)) }
            start = end + 1
        }
        return lines
    }

    /// The request on one line (without its line terminator). The error says what is wrong without
    /// repeating the line's values (a line may hold a NIK). O(n).
    public static func parse(_ line: some Collection<UInt8>) -> Result<ReplayRequest, ReplayLineError> {
        guard let text = String(validating: line, as: UTF8.self) else {
            return .failure(ReplayLineError("not valid UTF-8 text"))
        }
        do {
            return .success(try JSONDecoder().decode(ReplayRequest.self, from: Data(text.utf8)))
        } catch let error as DecodingError {
            return .failure(ReplayLineError(DecodingErrorText.describe(error, echoingValues: false)))
        } catch {
            return .failure(ReplayLineError("not valid JSON"))
        }
    }
}

/// Why a request line could not be read: what is wrong and where, never the values it holds.
public struct ReplayLineError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
