import Testing

@testable import AntreanServer

/// The series of `/metrics` follow Prometheus' naming conventions (prometheus.io/docs/practices/naming):
/// every name has the `antrean_` prefix, counters and only counters end in `_total`, durations are in
/// seconds; and the store's commit totals, read from the group committer, count up like counters.
@Suite("Metric names")
struct MetricNamingTests {
    /// Each metric family's name and type from the exposition's `# TYPE name type` lines.
    static func families(_ exposition: String) -> [(name: String, type: String)] {
        exposition.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count == 4, words[0] == "#", words[1] == "TYPE" else { return nil }
            return (String(words[2]), String(words[3]))
        }
    }

    /// The value of the series `name` (no labels) in the exposition.
    static func value(_ name: String, in exposition: String) -> Double? {
        exposition.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap {
            Double($0.split(separator: " ")[1])
        }
    }

    @Test func everyFamilyFollowsTheConventions() {
        let metrics = ServerMetrics()
        metrics.request(operation: "bookSlot", status: 201, duration: .milliseconds(3))
        metrics.booking(kind: "booking")
        metrics.refusal(code: "slot_full")
        metrics.noShowsReleased(2)
        metrics.commits(transactions: 3, operations: 7)
        metrics.outboxPass(delivered: 1, failed: 1)
        metrics.outboxBacklog(client: "portal", deliveries: 4)
        let families = Self.families(metrics.exposition())
        // With the availability cache's hit/miss counter and its event-loop answers.
        #expect(families.count == 12, "\(families)")
        for (name, type) in families {
            #expect(name.hasPrefix("antrean_"), "\(name)")
            #expect(name.hasSuffix("_total") == (type == "counter"), "\(name) is a \(type)")
            if type == "histogram" { #expect(name.hasSuffix("_seconds"), "\(name)") }
        }
    }

    /// The committer's totals are counters: a scrape adds what they grew by, so the series equals the
    /// latest totals, however many scrapes read them.
    @Test func commitTotalsCountUp() {
        let metrics = ServerMetrics()
        for (transactions, operations) in [(2, 5), (2, 5), (6, 20), (9, 31)] {
            metrics.commits(transactions: transactions, operations: operations)
            let text = metrics.exposition()
            #expect(Self.value("antrean_store_commits_total", in: text) == Double(transactions))
            #expect(Self.value("antrean_store_committed_operations_total", in: text) == Double(operations))
        }
    }
}
