/// An hour-block plan's roster as a grid: one row per office and weekday, one column per hour, the
/// proposed counters in each open hour (by the modified offered load; SIPP beside it in the CSV).
/// O(rows of the plan).
enum ReportRoster {
    static func add(_ roster: HourlyStaffing, _ content: ReportContent, to report: inout HTMLReport) {
        let words = content.vocabulary
        let names = Dictionary(content.officeList.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let weekdays = Dictionary(uniqueKeysWithValues: ReportDayProfiles.weekdayKeys.map { ($0.key, $0.phrase) })
        var units: [String] = []
        var cells: [String: [Int: HourlyStaffing.Row]] = [:]
        for row in roster.rows {
            if cells[row.unit] == nil { units.append(row.unit) }
            cells[row.unit, default: [:]][row.hour] = row
        }
        let hours = Array(Set(roster.rows.map(\.hour))).sorted()
        let labels = hours.map { ReportDayProfiles.hourLabels[$0] + ":00" }
        var rows: [[String]] = []
        var csvRows: [[String]] = []
        var previousOffice = ""
        for unit in units {
            // `office.mon` for a weekday roster, `office` for one day.
            let parts = unit.split(separator: ".").map(String.init)
            let day = parts.count > 1 ? weekdays[parts[parts.count - 1]] : nil
            let office = day == nil ? unit : parts.dropLast().joined(separator: ".")
            let officeName = names[office] ?? office
            let counts = hours.map { cells[unit]?[$0]?.modifiedOfferedLoad }
            rows.append(
                [officeName == previousOffice ? "" : officeName, day.map { words.text($0) } ?? "–"]
                    + counts.map { $0.map(String.init) ?? "" })
            previousOffice = officeName
            csvRows.append(
                [office, parts.count > 1 ? parts[parts.count - 1] : ""]
                    + hours.flatMap { hour -> [String] in
                        let row = cells[unit]?[hour]
                        return [row?.modifiedOfferedLoad.map(String.init) ?? "", row?.sipp.map(String.init) ?? ""]
                    })
        }
        report.section(
            words.text(.rosterSectionTitle), note: words.text(.rosterNote, ["target": roster.target.description]),
            table: ReportTable(
                name: "roster", headers: [words.text(.columnOffice), words.text(.columnWeekday)] + labels, rows: rows,
                csvRows: csvRows,
                csvHeaders: ["office", "weekday"]
                    + hours.flatMap {
                        ["h\(ReportDayProfiles.hourLabels[$0])_counters", "h\(ReportDayProfiles.hourLabels[$0])_sipp"]
                    }
            ), id: "roster")
    }
}
