import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A swift-log handler that writes `StreamLogHandler`'s line, byte for byte, straight into a `LogSink`:
/// `2026-12-06T08:00:00+0800 info antrean.serve: key=value … [Module] message`.
///
/// Why not `StreamLogHandler` writing into the sink: with one line per request its costs were a
/// request's. For every line it merged the metadata into new dictionaries, joined the sorted pairs into
/// interpolated strings, allocated a 255-byte buffer for the time, and called `localtime(3)`, which in
/// glibc re-reads the time zone (a `stat` of `/etc/localtime` when `TZ` is unset) on every call. Here the
/// pairs are sorted in one array, the line is built in one byte buffer, and the time's text is made once
/// per second (`LocalTimestamps`). O(line + m log m) per line for m metadata pairs.
public struct SinkLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let sink: LogSink
    let timestamps: LocalTimestamps

    public init(
        label: String, sink: LogSink = .standardError, timestamps: LocalTimestamps = .shared,
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        self.label = label
        self.sink = sink
        self.timestamps = timestamps
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line: [UInt8] = []
        line.reserveCapacity(256)
        timestamps.append(to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: event.level.rawValue.utf8)
        if !label.isEmpty {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: label.utf8)
        }
        line.append(UInt8(ascii: ":"))
        for (key, value) in mergedMetadata(event) {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            Self.append(value, to: &line)
        }
        line.append(contentsOf: " [".utf8)
        line.append(contentsOf: event.source.utf8)
        line.append(contentsOf: "] ".utf8)
        line.append(contentsOf: event.message.description.utf8)
        line.append(UInt8(ascii: "\n"))
        sink.append(bytes: line)
    }

    /// The handler's metadata, overridden by the provider's, overridden by the call's, and the error's two
    /// keys over all of them (`StreamLogHandler`'s precedence), sorted by key.
    func mergedMetadata(_ event: LogEvent) -> [(key: String, value: Logger.MetadataValue)] {
        let provided = metadataProvider?.get() ?? [:]
        let explicit = event.metadata ?? [:]
        var pairs: [(key: String, value: Logger.MetadataValue)] = []
        pairs.reserveCapacity(metadata.count + provided.count + explicit.count + 2)
        let errorKeys: Set<String> = event.error == nil ? [] : ["error.message", "error.type"]
        for (key, value) in explicit where !errorKeys.contains(key) {
            pairs.append((key, value))
        }
        for (key, value) in provided where explicit[key] == nil && !errorKeys.contains(key) {
            pairs.append((key, value))
        }
        for (key, value) in metadata
        where explicit[key] == nil && provided[key] == nil && !errorKeys.contains(key) {
            pairs.append((key, value))
        }
        if let error = event.error {
            pairs.append(("error.message", .string("\(error)")))
            pairs.append(("error.type", .string(String(reflecting: type(of: error)))))
        }
        pairs.sort { $0.key < $1.key }
        return pairs
    }

    static func append(_ value: Logger.MetadataValue, to line: inout [UInt8]) {
        switch value {
        case .string(let text): line.append(contentsOf: text.utf8)
        case .stringConvertible(let convertible): line.append(contentsOf: convertible.description.utf8)
        case .array, .dictionary: line.append(contentsOf: value.description.utf8)
        }
    }
}

/// The local time as `strftime`'s `%Y-%m-%dT%H:%M:%S%z` (what `StreamLogHandler` writes), formatted once
/// per second and copied for every line of that second. `localtime_r` reads the zone once per process
/// (a server's `TZ` is set before it starts), where `localtime` re-read it on every call.
public final class LocalTimestamps: Sendable {
    public static let shared = LocalTimestamps()

    private let current = Mutex<(second: Int, text: [UInt8])>((Int.min, []))

    public init() {}

    func append(to line: inout [UInt8]) {
        let now = time(nil)
        current.withLock { current in
            if current.second != now {
                current = (now, Self.format(now))
            }
            line.append(contentsOf: current.text)
        }
    }

    static func format(_ seconds: time_t) -> [UInt8] {
        var seconds = seconds
        var local = tm()
        guard localtime_r(&seconds, &local) != nil else { return Array("<unknown>".utf8) }
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &local)
        return buffer.prefix(count).map { UInt8(bitPattern: $0) }
    }
}
