import AntreanEngine
import Foundation

extension SummaryReport {
    /// Nested JSON: `overall.wait_minutes` becomes `{"overall": {"wait_minutes": {"mean": …,
    /// "ci95": [low, high], "sd": …}}}`. A quantile child such as `overall.wait_minutes.p90` is a plain
    /// number (its mean over replications) beside its own `p90_ci95`. Run settings go under `run`; a
    /// city's offices carry their `name`, `kind` and `kecamatan` beside their KPIs. With one replication
    /// every `ci95` is null: there is no interval.
    public func jsonText() -> String {
        let root = JSONNode()
        root.fields["run"] = .object([
            "scenario": .string(title), "model": .string(model), "file": .string(file), "seed": .unsigned(seed),
            "replications": .integer(replications), "settings": .object(settings.mapValues { .string($0) }),
        ])
        for (key, summary) in metrics {
            let parts = key.split(separator: ".").map(String.init)
            guard let leaf = parts.last else { continue }
            let parent = root.descendant(parts.dropLast())
            if Self.isQuantileName(leaf) {
                parent.fields[leaf] = .finite(summary.mean)
                parent.fields["\(leaf)_ci95"] = Self.interval(summary)
            } else {
                let node = parent.descendant([leaf])
                node.fields["mean"] = .finite(summary.mean)
                node.fields["ci95"] = Self.interval(summary)
                node.fields["sd"] = .finite(summary.standardDeviation)
                if let expected = theory[key] { node.fields["theory"] = .finite(expected) }
            }
        }
        for office in offices {
            let node = root.descendant(["offices", office.id])
            node.fields["name"] = .string(office.name)
            node.fields["kind"] = .string(office.kind)
            if let kecamatan = office.kecamatanId { node.fields["kecamatan"] = .string(kecamatan) }
        }
        return JSONText.render(root.plain())
    }

    static func isQuantileName(_ name: String) -> Bool {
        name.count >= 2 && name.first == "p" && name.dropFirst().allSatisfy { $0.isNumber || $0 == "_" }
    }

    /// `[low, high]`, or null from one replication (no interval exists).
    static func interval(_ summary: MetricSummary) -> JSONValue {
        summary.hasInterval ? .array([.finite(summary.ci95.low), .finite(summary.ci95.high)]) : .null
    }
}

/// A JSON object under construction whose children can be filled in any order.
private final class JSONNode {
    var fields: [String: JSONValue] = [:]
    var children: [String: JSONNode] = [:]

    func descendant<S: Sequence>(_ path: S) -> JSONNode where S.Element == String {
        var current = self
        for part in path {
            if let existing = current.children[part] {
                current = existing
            } else {
                let fresh = JSONNode()
                current.children[part] = fresh
                current = fresh
            }
        }
        return current
    }

    func plain() -> JSONValue {
        var result = fields
        for (key, child) in children { result[key] = child.plain() }
        return .object(result)
    }
}
