import HTTPTypes
import Logging

/// What every request leaves behind, whichever path answered it (`RequestEdgeMiddleware` for the router,
/// `EventLoopAvailabilityHandler` on the event loop): its id, one log line (id, method, path, operation,
/// client, status, duration: never a header, body or query, so never a NIK, token or key) and the request
/// metrics. One recorder per server, so both paths draw ids from one `RequestIDs`.
struct RequestRecorder: Sendable {
    let metrics: ServerMetrics
    let logger: Logger
    let ids: RequestIDs

    init(metrics: ServerMetrics, logger: Logger, ids: RequestIDs = RequestIDs()) {
        self.metrics = metrics
        self.logger = logger
        self.ids = ids
    }

    /// The caller's `X-Request-Id` when it is a short token of safe characters (a proxy's id), else a new one.
    func requestID(from header: String?) -> String { Self.requestID(from: header, or: ids) }

    /// Counts the request in the metrics and logs its line.
    func record(
        requestID: String, method: HTTPRequest.Method, path: String, operation: String, client: ClientKey?,
        status: Int, duration: Duration
    ) {
        metrics.request(operation: operation, status: status, duration: duration)
        logger.info(
            "request",
            metadata: [
                "request_id": .string(requestID), "method": .string(method.rawValue), "path": .string(path),
                "operation": .string(operation), "client": .string(client?.client ?? "-"),
                "status": .stringConvertible(status), "ms": .string(Self.milliseconds(duration)),
            ])
    }

    /// The caller's request id when it is a short token of safe characters (a proxy's id), else a new one.
    static func requestID(from header: String?, or ids: RequestIDs) -> String {
        if let header, (1...64).contains(header.utf8.count),
            header.utf8.allSatisfy({
                $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (48...57).contains($0) || (65...90).contains($0)
                    || (97...122).contains($0)
            })
        {
            return header
        }
        return ids.next()
    }

    /// `duration` in milliseconds with two decimals, rounded half up ("0.27", "12.05"): what
    /// `String(format: "%.2f")` wrote, without Foundation's formatter on every request. Durations beyond
    /// a million seconds read as a million seconds.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return "0.00" }
        // Units of 10 µs (1e13 attoseconds), so hundredths of a millisecond.
        let units = min(seconds, 1_000_000) * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000
        let fraction = units % 100
        return "\(units / 100)." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
