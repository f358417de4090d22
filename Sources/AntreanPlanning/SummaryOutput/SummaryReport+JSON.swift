import Foundation

extension SummaryReport {
    /// Nested JSON: `overall.wait_minutes` becomes `{"overall": {"wait_minutes": {"mean": …,
    /// "ci95": [low, high], "sd": …}}}`. A quantile child such as `overall.wait_minutes.p90` is a plain
    /// number (its mean over replications) beside its own `p90_ci95`. Run settings go under `run`.
    public func jsonText() -> String {
        let root = NSMutableDictionary()
        root["run"] =
            [
                "scenario": title, "model": model, "file": file, "seed": NSNumber(value: seed),
                "replications": replications, "settings": settings,
            ] as NSDictionary
        for (key, summary) in metrics {
            let parts = key.split(separator: ".").map(String.init)
            guard let leaf = parts.last else { continue }
            let parent = Self.container(in: root, path: parts.dropLast())
            if Self.isQuantileName(leaf) {
                parent[leaf] = Self.number(summary.mean)
                parent["\(leaf)_ci95"] = [Self.number(summary.ci95.low), Self.number(summary.ci95.high)]
            } else {
                let node = Self.container(in: parent, path: [leaf])
                node["mean"] = Self.number(summary.mean)
                node["ci95"] = [Self.number(summary.ci95.low), Self.number(summary.ci95.high)]
                node["sd"] = Self.number(summary.standardDeviation)
                if let expected = theory[key] { node["theory"] = Self.number(expected) }
            }
        }
        let data = try! JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func isQuantileName(_ name: String) -> Bool {
        name.count >= 2 && name.first == "p" && name.dropFirst().allSatisfy(\.isNumber)
    }

    private static func container<S: Sequence>(in dictionary: NSMutableDictionary, path: S) -> NSMutableDictionary
    where S.Element == String {
        var current = dictionary
        for part in path {
            if let existing = current[part] as? NSMutableDictionary {
                current = existing
            } else {
                let fresh = NSMutableDictionary()
                current[part] = fresh
                current = fresh
            }
        }
        return current
    }

    private static func number(_ value: Double) -> Any { value.isFinite ? NSNumber(value: value) : NSNull() }
}
