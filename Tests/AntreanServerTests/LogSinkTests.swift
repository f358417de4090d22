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
                    var stream = BatchedLogStream(sink: sink)
                    for line in 0..<2000 {
                        stream.write("writer \(writer) line \(line) \(String(repeating: "x", count: line % 50 + 1))\n")
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
        var stream = BatchedLogStream(sink: sink)
        for line in 0..<500 { stream.write("line \(line)\n") }
        #expect(sink.writeCount == 0)
        sink.flush()
        #expect(sink.writeCount == 1)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.map(String.init) == (0..<500).map { "line \($0)" })
    }

    @Test func theLineIsStreamLogHandlersLine() throws {
        let (path, descriptor) = Self.temporaryFile()
        defer {
            close(descriptor)
            try? FileManager.default.removeItem(atPath: path)
        }
        let sink = LogSink(fileDescriptor: descriptor)
        var logger = Logger(label: "antrean.serve") { label in
            StreamLogHandler(label: label, stream: BatchedLogStream(sink: sink), metadataProvider: nil)
        }
        logger[metadataKey: "request_id"] = "abc"
        logger.info("request", metadata: ["status": "200", "method": "GET"])
        sink.flush()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text.hasSuffix(" info antrean.serve: method=GET request_id=abc status=200 [AntreanServerTests] request\n"))
        #expect(text.split(separator: "\n").count == 1)
    }
}
