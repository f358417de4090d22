import Foundation
import Logging
import Testing

@testable import AntreanServer

/// The batched log stream writes every line once, whole, in each writer's order, and in the format of
/// swift-log's `StreamLogHandler` (which formats the line; the sink only writes it).
@Suite("Log sink")
struct LogSinkTests {
    static func temporaryFile() -> (path: String, descriptor: Int32) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-log-\(UUID().uuidString)")
            .path
        return (path, open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600))
    }

    @Test func concurrentWritersLoseNoLineAndKeepEachWritersOrder() async throws {
        let (path, descriptor) = Self.temporaryFile()
        defer {
            close(descriptor)
            try? FileManager.default.removeItem(atPath: path)
        }
        // A small bound, so that producers also take the path that waits for the writer.
        let sink = LogSink(fileDescriptor: descriptor, maxPendingBytes: 512)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for line in 0..<2000 {
                        sink.append("writer \(writer) line \(line) \(String(repeating: "x", count: line % 50 + 1))\n")
                    }
                }
            }
        }
        sink.flush()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 8 * 2000)
        var next = [Int](repeating: 0, count: 8)
        for line in lines {
            let words = line.split(separator: " ")
            guard words.count == 5, let writer = Int(words[1]), let number = Int(words[3]), (0..<8).contains(writer)
            else {
                Issue.record("a broken line: \(line)")
                continue
            }
            #expect(number == next[writer])
            #expect(words[4].count == number % 50 + 1)
            next[writer] = number + 1
        }
        #expect(next == [Int](repeating: 2000, count: 8))
    }

    /// Lines queued while the writer waits out its delay go out together, in one `write(2)`, in order.
    @Test func linesWithinTheDelayShareOneWrite() throws {
        let (path, descriptor) = Self.temporaryFile()
        defer {
            close(descriptor)
            try? FileManager.default.removeItem(atPath: path)
        }
        let sink = LogSink(fileDescriptor: descriptor, delay: .seconds(3600))
        for line in 0..<500 { sink.append(bytes: Array("line \(line)\n".utf8)) }
        #expect(sink.writeCount == 0)
        sink.flush()
        #expect(sink.writeCount == 1)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.map(String.init) == (0..<500).map { "line \($0)" })
    }

    /// swift-log's own handler, writing into a string, as the reference for the line's format.
    final class CollectedText: TextOutputStream, @unchecked Sendable {
        var text = ""
        func write(_ string: String) { text += string }
    }

    struct ReferenceStream: TextOutputStream, @unchecked Sendable {
        let collected: CollectedText
        mutating func write(_ string: String) { collected.write(string) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    /// The same calls through `SinkLogHandler` and `StreamLogHandler` give the same bytes: metadata of the
    /// handler, the provider and the call (with their precedence), every kind of value, an error, and a
    /// handler without a label. The two lines are made in the same second, else the pair is made again.
    @Test func theLineIsStreamLogHandlersLine() throws {
        let provider = Logger.MetadataProvider { ["trace": "t-1", "shared": "from-provider"] }
        let cases: [(label: String, provider: Logger.MetadataProvider?, log: (inout Logger) -> Void)] = [
            (
                "antrean.serve", nil,
                { logger in
                    logger[metadataKey: "request_id"] = "abc"
                    logger.info(
                        "request", metadata: ["status": "200", "method": "GET", "ms": .stringConvertible(0.27)])
                }
            ),
            (
                "antrean.serve", provider,
                { logger in
                    logger[metadataKey: "shared"] = "from-handler"
                    logger[metadataKey: "trace"] = "from-handler"
                    logger[metadataKey: "zeta"] = .array(["a", .dictionary(["k": "v"])])
                    logger.warning("overridden", metadata: ["shared": "from-call", "error.type": "mine"])
                }
            ),
            ("", provider, { logger in logger.error("failed", error: Failure(), metadata: ["store": "x"]) }),
            ("antrean", nil, { logger in logger.notice("no metadata at all") }),
        ]
        for (label, provider, log) in cases {
            var attempts = 0
            while true {
                attempts += 1
                let (path, descriptor) = Self.temporaryFile()
                defer {
                    close(descriptor)
                    try? FileManager.default.removeItem(atPath: path)
                }
                let sink = LogSink(fileDescriptor: descriptor)
                var ours = Logger(label: label) { label in
                    SinkLogHandler(label: label, sink: sink, timestamps: LocalTimestamps(), metadataProvider: provider)
                }
                let collected = CollectedText()
                var reference = Logger(label: label) { label in
                    StreamLogHandler(
                        label: label, stream: ReferenceStream(collected: collected), metadataProvider: provider)
                }
                ours.logLevel = .trace
                reference.logLevel = .trace
                log(&reference)
                log(&ours)
                sink.flush()
                let written = try String(contentsOfFile: path, encoding: .utf8)
                if written != collected.text, attempts < 3,
                    written.split(separator: " ").first != collected.text.split(separator: " ").first
                {
                    continue  // a second boundary between the two lines
                }
                #expect(written == collected.text, "label '\(label)'")
                #expect(written.hasSuffix("\n") && written.split(separator: "\n").count == 1)
                break
            }
        }
    }

    /// The time's text is `strftime`'s for the local zone, with the offset (`+0800` in Samarinda).
    @Test func theTimestampIsLocalWithItsOffset() throws {
        var line: [UInt8] = []
        LocalTimestamps().append(to: &line)
        let text = String(decoding: line, as: UTF8.self)
        let pattern = try Regex(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$"#)
        #expect(text.wholeMatch(of: pattern) != nil, "\(text)")
    }
}
