public import AntreanLocalization
import Foundation

/// Analytic staffing hour by hour for units with a daily arrival profile: SIPP and the modified
/// offered load (``TimeVaryingStaffing``) side by side. Used by `plan --by office,hour-block` when
/// the model cannot vary counters within a day (queue scenarios), so the numbers are analytic only.
public struct HourlyStaffing: Sendable {
    public struct Row: Sendable, Hashable {
        public var unit: String
        /// Hour of day, 0–23.
        public var hour: Int
        public var arrivalsPerHour: Double
        public var offeredLoad: Double
        public var sipp: Int?
        public var modifiedOfferedLoad: Int?
    }

    public var target: ServiceTarget
    public var rows: [Row]

    /// One row per unit and hour it is open (``StaffingUnit/openHours``, else an hour with arrivals):
    /// the load still lagging after closing is served by the counters of the last open hour.
    public init(units: [StaffingUnit], target: ServiceTarget) {
        self.target = target
        var rows: [Row] = []
        for unit in units {
            guard let rates = unit.hourlyArrivalRates, !rates.isEmpty else { continue }
            let sipp = TimeVaryingStaffing.servers(
                for: target, ratesPerPeriod: rates, periodMinutes: 60, meanService: unit.meanService, method: .sipp)
            let mol = TimeVaryingStaffing.servers(
                for: target, ratesPerPeriod: rates, periodMinutes: 60, meanService: unit.meanService)
            let loads = TimeVaryingStaffing.peakOfferedLoads(
                ratesPerPeriod: rates, periodMinutes: 60, meanService: unit.meanService)
            // Profiles arrive repeated over two days so the load carries over midnight: report day two.
            let start = rates.count >= 48 ? 24 : 0
            func isOpen(_ index: Int) -> Bool { unit.openHours?.contains(index % 24) ?? (rates[index] > 0) }
            for index in start..<rates.count where isOpen(index) {
                rows.append(
                    Row(
                        unit: unit.id, hour: index % 24, arrivalsPerHour: rates[index] * 60, offeredLoad: loads[index],
                        sipp: sipp[index], modifiedOfferedLoad: mol[index]))
            }
        }
        self.rows = rows
    }

    /// The hour-by-hour table in `language` (unit ids stay ids).
    public func tableText(title: String, language: Language = .en) -> String {
        func header(_ name: String) -> String { language.text("hourly.header." + name) }
        var table = TextTable(headers: [
            header("unit"), header("hour"), header("arrivals_per_hour"), header("offered_load"), "SIPP", "MOL",
        ])
        for row in rows {
            table.append([
                row.unit, language.time(hour: row.hour, minute: 0, zone: "") ?? "–",
                language.number(row.arrivalsPerHour, decimals: 1), language.number(row.offeredLoad, decimals: 2),
                row.sipp.map { language.integer($0) } ?? "∞",
                row.modifiedOfferedLoad.map { language.integer($0) } ?? "∞",
            ])
        }
        return language.text("hourly.title", ["title": title, "target": target.description]) + "\n\n"
            + table.render()
    }

    /// `{"counters": {"<unit>": {"08": n, …}}, "rows": […]}` with the MOL counts as `counters`.
    public func jsonText(title: String) -> String {
        var counters: [String: [String: Any]] = [:]
        for row in rows {
            counters[row.unit, default: [:]][String(format: "%02d", row.hour)] =
                row.modifiedOfferedLoad.map { $0 as Any } ?? NSNull()
        }
        let rowObjects = rows.map { row -> [String: Any] in
            [
                "unit": row.unit, "hour": row.hour, "arrivals_per_hour": JSONText.number(row.arrivalsPerHour),
                "offered_load": JSONText.number(row.offeredLoad), "sipp": row.sipp.map { $0 as Any } ?? NSNull(),
                "mol": row.modifiedOfferedLoad.map { $0 as Any } ?? NSNull(),
            ]
        }
        return JSONText.render([
            "scenario": title, "target": target.description, "method": "analytic",
            "counters": counters, "rows": rowObjects,
        ])
    }

    public func csvText() -> String {
        var lines = ["unit,hour,arrivals_per_hour,offered_load,sipp,mol"]
        for row in rows {
            lines.append(
                [
                    CSV.field(row.unit), String(row.hour), CSV.number(row.arrivalsPerHour), CSV.number(row.offeredLoad),
                    row.sipp.map(String.init) ?? "", row.modifiedOfferedLoad.map(String.init) ?? "",
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
