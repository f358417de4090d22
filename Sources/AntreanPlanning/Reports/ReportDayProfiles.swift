/// The average day: the city's mean wait by weekday × hour (one cell per open weekday and hour) and the
/// queue length hour by hour per office, from `<scope>.weekday.<day>.hour.<HH>.queue_length` and
/// `.wait_minutes` (written by the city run). O(offices × weekdays × hours).
enum ReportDayProfiles {
    static let weekdayKeys: [(key: String, phrase: ReportPhrase)] = [
        ("mon", .monday), ("tue", .tuesday), ("wed", .wednesday), ("thu", .thursday), ("fri", .friday),
        ("sat", .saturday), ("sun", .sunday),
    ]
    static let hourLabels = (0..<24).map { $0 < 10 ? "0\($0)" : "\($0)" }

    /// The weekdays and hours for which `<scope>.weekday.<day>.hour.<HH>.queue_length` exists: the open
    /// ones (the city run writes every opening hour, and any other hour with someone in line).
    static func openCells(_ content: ReportContent, scope: String) -> (days: [Int], hours: [Int], open: Set<Int>) {
        var open: Set<Int> = []
        for (day, weekday) in weekdayKeys.enumerated() {
            for (hour, label) in hourLabels.enumerated()
            where content.metrics["\(scope).weekday.\(weekday.key).hour.\(label).queue_length"] != nil {
                open.insert(day * 24 + hour)
            }
        }
        let days = weekdayKeys.indices.filter { day in (0..<24).contains { open.contains(day * 24 + $0) } }
        let hours = (0..<24).filter { hour in days.contains { open.contains($0 * 24 + hour) } }
        return (days, hours, open)
    }

    static func add(_ content: ReportContent, to report: inout HTMLReport) {
        addWeekdayHeatMap(content, to: &report)
        addQueueLength(content, to: &report)
    }

    private static func addWeekdayHeatMap(_ content: ReportContent, to report: inout HTMLReport) {
        let words = content.vocabulary
        let (days, hours, open) = openCells(content, scope: "overall")
        guard !days.isEmpty else {
            if content.scopePrefix == "offices" {
                report.section(words.text(.heatTitle), note: words.text(.heatMissing), id: "weekday-hour")
            }
            return
        }
        func key(_ day: Int, _ hour: Int) -> String {
            "overall.weekday.\(weekdayKeys[day].key).hour.\(hourLabels[hour]).wait_minutes"
        }
        let values = days.map { day in hours.map { content.metrics[key(day, $0)]?.mean } }
        let present = days.map { day in hours.map { open.contains(day * 24 + $0) } }
        let unit = words.text(.unitMinutes)
        let chart = SVGCharts.heatMap(
            title: words.text(.heatTitle), rows: days.map { words.text(weekdayKeys[$0].phrase) },
            columns: hours.map { "\(hourLabels[$0]):00" }, values: values, unit: unit, present: present,
            vocabulary: words)
        let rows = days.indices.map { index in
            [words.text(weekdayKeys[days[index]].phrase)]
                + zip(values[index], present[index]).map { value, isOpen in
                    isOpen ? words.number(value) : words.text(.chartNotOpen)
                }
        }
        let csvRows = zip(days, values).map { day, row in
            [weekdayKeys[day].key] + row.map { $0.map(CSV.number) ?? "" }
        }
        report.section(
            words.text(.heatTitle), note: words.text(.heatNote), chart: chart,
            table: ReportTable(
                name: "wait-by-weekday-hour",
                headers: [words.text(.columnWeekday)] + hours.map { "\(hourLabels[$0]):00" }, rows: rows,
                csvRows: csvRows, csvHeaders: ["weekday"] + hours.map { "h\(hourLabels[$0])" }),
            id: "weekday-hour")
    }

    /// Offices shown on the page; the CSV has all.
    static let officesShown = 25

    private static func addQueueLength(_ content: ReportContent, to report: inout HTMLReport) {
        let words = content.vocabulary
        let offices = ReportOfficeRanking.worstFirst(content)
        let (days, hours, _) = openCells(content, scope: "overall")
        guard !offices.isEmpty, !days.isEmpty else { return }
        // Each office's hour, averaged over the weekdays on which that hour is open at the office.
        let values = offices.map { office in
            hours.map { hour -> Double? in
                let seen = days.compactMap {
                    content.officeMean(
                        office.id, "weekday.\(weekdayKeys[$0].key).hour.\(hourLabels[hour]).queue_length")
                }
                return seen.isEmpty ? nil : seen.reduce(0, +) / Double(seen.count)
            }
        }
        guard values.contains(where: { $0.contains { $0 != nil } }) else {
            report.section(words.text(.queueTitle), note: words.text(.queueMissing), id: "queue-length")
            return
        }
        let shown = min(officesShown, offices.count)
        let chart = SVGCharts.heatMap(
            title: words.text(.queueTitle), rows: offices.prefix(shown).map(\.name),
            columns: hours.map { "\(hourLabels[$0]):00" }, values: Array(values.prefix(shown)),
            unit: words.text(.unitCitizens), vocabulary: words)
        let csvRows = zip(offices, values).map { office, row in [office.id] + row.map { $0.map(CSV.number) ?? "" } }
        report.exportOnly(
            ReportTable(
                name: "queue-length-by-hour", headers: ["office"] + hours.map { "h\(hourLabels[$0])" },
                rows: csvRows))
        report.section(
            words.text(.queueTitle), note: words.text(.queueNote, ["count": String(shown)]),
            Markup.element("div", ["class": "chart-box"], chart), id: "queue-length")
    }
}
