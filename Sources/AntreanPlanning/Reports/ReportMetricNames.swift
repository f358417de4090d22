import AntreanEngine
import Foundation

/// Human names for metric keys (`offices.mpp.weekday.mon.wait_minutes.p90` → "Wait not exceeded by 90%
/// of citizens (min), Monday — Mal Pelayanan Publik"): the key's scope, its breakdown (weekday, hour, service,
/// class) and the metric's own name, each from the vocabulary. A metric the vocabulary does not know
/// is spelled out from its key in words, never shown as the key itself. O(key length).
struct ReportMetricNames {
    var vocabulary: ReportVocabulary
    /// Display names of offices (or queues) by id.
    var officeNames: [String: String] = [:]

    static let weekdays: [String: ReportPhrase] = [
        "mon": .monday, "tue": .tuesday, "wed": .wednesday, "thu": .thursday, "fri": .friday, "sat": .saturday,
        "sun": .sunday,
    ]
    static let scopes: Set<String> = ["offices", "queues", "kecamatan", "classes", "services"]

    /// The name of a metric without its scope, e.g. `wait_minutes.p90` or `hour.09.served`.
    func metric(_ name: String) -> String {
        let parts = name.split(separator: ".").map(String.init)
        if parts.count >= 3, parts[0] == "weekday", let day = Self.weekdays[parts[1]] {
            return vocabulary.text(
                .metricPerWeekday,
                ["metric": metric(parts.dropFirst(2).joined(separator: ".")), "weekday": vocabulary.text(day)])
        }
        if parts.count >= 3, parts[0] == "hour" {
            return vocabulary.text(
                .metricPerHour, ["metric": metric(parts.dropFirst(2).joined(separator: ".")), "hour": parts[1]])
        }
        if parts.count >= 3, parts[0] == "services" {
            return vocabulary.text(
                .metricPerService,
                ["metric": metric(parts.dropFirst(2).joined(separator: ".")), "service": words(parts[1])])
        }
        if parts.count >= 3, parts[0] == "classes" {
            return vocabulary.text(
                .metricPerClass,
                ["metric": metric(parts.dropFirst(2).joined(separator: ".")), "class": words(parts[1])])
        }
        if let phrase = ReportPhrase(rawValue: "metric." + name) { return vocabulary.text(phrase) }
        if parts.count == 2, parts[0] == "wait_minutes",
            let level = WaitQuantile.level(parsing: parts[1].replacingOccurrences(of: "_", with: "."))
        {
            let percent = level * 100
            let decimals = percent == percent.rounded() ? 0 : (percent * 10 == (percent * 10).rounded() ? 1 : 2)
            return vocabulary.text(.metricWaitQuantile, ["percent": vocabulary.number(percent, decimals: decimals)])
        }
        return vocabulary.text(.metricUnknown, ["name": words(name)])
    }

    /// The name of a full key, its scope (city, an office, a kecamatan) after the metric.
    func key(_ key: String) -> String {
        let parts = key.split(separator: ".", maxSplits: 2).map(String.init)
        if parts.first == "overall", parts.count >= 2 {
            return metric(key.split(separator: ".", maxSplits: 1).map(String.init)[1])
        }
        if parts.count == 3, Self.scopes.contains(parts[0]) {
            let scope = officeNames[parts[1]] ?? words(parts[1])
            return vocabulary.text(.metricInScope, ["metric": metric(parts[2]), "scope": scope])
        }
        return metric(key)
    }

    /// `samarinda_ulu` → "Samarinda Ulu": an identifier read as words.
    func words(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "_" || $0 == "." }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }

    /// True when the metric is a share (0…1) shown as a percentage.
    static func isShare(_ name: String) -> Bool {
        let last = name.split(separator: ".").suffix(2).joined(separator: ".")
        return ["wait_within_target", "slot_utilization", "counter_utilization", "utilization", "abandonment"]
            .contains { last == $0 || last.hasSuffix("." + $0) }
    }
}
