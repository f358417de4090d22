import AntreanClientKeys
import Foundation
import FuzzSupport

/// Fuzzes the client keys file of `antrean serve` and `antrean keys` (`ClientKeyFile.parse`: JSON
/// decoding, then the file's own checks) with the input as the file's contents. Beyond not trapping:
/// - a refusal is one line of text without control characters: it names the file and the field, and
///   carries no byte of the file into a log or a terminal as a line break or an escape sequence;
/// - every record of an accepted file can be presented: its id has the shape a key's id has (8 hex
///   digits) and its hash is 64 lowercase hex digits, the form the server compares with;
/// - an accepted file, written as `antrean keys` writes it, reads back as the same file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClientKeys(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let file: ClientKeyFile
    do {
        file = try ClientKeyFile.parse(Data(bytes: data, count: size), path: "keys.json")
    } catch {
        let message = error.description
        guard message.hasPrefix("keys.json: "),
            !message.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { fuzzFailure("a refusal is not one line naming the file: \(message.debugDescription)") }
        return 0
    }
    for (index, key) in file.keys.enumerated() {
        guard key.id.utf8.count == 8, key.id.utf8.allSatisfy(isLowercaseHexDigit) else {
            fuzzFailure("keys[\(index)].id \(key.id.debugDescription) was accepted: no key can present it")
        }
        guard key.sha256.utf8.count == 64, key.sha256.utf8.allSatisfy(isLowercaseHexDigit) else {
            fuzzFailure("keys[\(index)].sha256 \(key.sha256.debugDescription) was accepted: no digest equals it")
        }
    }
    let written: Data
    do { written = try file.encoded() } catch { fuzzFailure("an accepted file cannot be written: \(error)") }
    do {
        guard try ClientKeyFile.parse(written, path: "keys.json") == file else {
            fuzzFailure("the file written does not read back as the same file")
        }
    } catch {
        fuzzFailure("the file written is refused: \(error)")
    }
    return 0
}

private func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
}

@_cdecl("FuzzClientKeys_main")
public func fuzzClientKeysMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { fuzzClientKeys($0, $1) }
}
