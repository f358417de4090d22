import AntreanEngine

/// Offices worst first: the wait of 9 in 10 citizens (p90), longest first, with the citizens each office
/// lost (no-shows, left the line, bookings refused) beside its waits.
enum ReportOfficeRanking {
    /// The offices sorted by p90 wait, longest first; then by mean wait; offices without waits last,
    /// in their given order. O(n log n).
    static func worstFirst(_ content: ReportContent) -> [OfficeInfo] {
        let offices = content.officeList
        let keyed = offices.enumerated().map { index, office in
            (
                office, index, content.officeMean(office.id, "wait_minutes.p90"),
                content.officeMean(office.id, "wait_minutes")
            )
        }
        return keyed.sorted { a, b in
            switch (a.2, b.2) {
            case (let x?, let y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default:
                let (meanA, meanB) = (a.3 ?? -.infinity, b.3 ?? -.infinity)
                return meanA != meanB ? meanA > meanB : a.1 < b.1
            }
        }.map(\.0)
    }

    static func kindName(_ kind: String, _ words: ReportVocabulary) -> String {
        switch kind {
        case "kelurahan": words.text(.kindKelurahan)
        case "kecamatan": words.text(.kindKecamatan)
        case "mpp": words.text(.kindMPP)
        default: words.text(.kindQueue)
        }
    }

    static func add(_ content: ReportContent, to report: inout HTMLReport) {
        let offices = worstFirst(content)
        guard !offices.isEmpty else { return }
        let words = content.vocabulary
        let minutes = content.waitTargetMinutes
        let minutesText = minutes.map { words.number($0, decimals: $0 == $0.rounded() ? 0 : 2) } ?? "–"
        let left = ["balked", "reneged"]
        var rows: [[String]] = []
        var csvRows: [[String]] = []
        var classes: [[String]] = []
        for office in offices {
            let p90 = content.metrics["\(content.scopePrefix).\(office.id).wait_minutes.p90"]
            var standing: ReportHeadline.Standing?
            if let p90, let minutes { standing = .atMost(p90, minutes) }
            let statusText: String
            switch standing {
            case .met?: statusText = words.text(.officeWithinTarget)
            case .missed?: statusText = words.text(.officeOverTarget)
            case .uncertain?: statusText = words.text(.officeUncertain)
            default: statusText = "–"
            }
            let share = content.officeMean(office.id, "wait_within_target")
            // Queue models count those who gave up as `abandoned`.
            let leftLine = content.officeSum(office.id, left) ?? content.officeMean(office.id, "abandoned")
            let utilisation =
                content.officeMean(office.id, "counter_utilization") ?? content.officeMean(office.id, "utilization")
            rows.append([
                office.name, kindName(office.kind, words), words.number(p90?.mean),
                words.number(content.officeMean(office.id, "wait_minutes")), words.number(share.map { $0 * 100 }),
                words.number(content.officeMean(office.id, "served")),
                words.number(content.officeMean(office.id, "no_shows")),
                words.number(leftLine),
                words.number(content.officeMean(office.id, "booking_refused")),
                words.number(utilisation.map { $0 * 100 }), statusText,
            ])
            csvRows.append(
                [office.id, office.kind]
                    + [
                        p90?.mean, content.officeMean(office.id, "wait_minutes"), share,
                        content.officeMean(office.id, "served"), content.officeMean(office.id, "no_shows"),
                        leftLine, content.officeMean(office.id, "booking_refused"),
                        utilisation,
                    ].map { $0.map(CSV.number) ?? "" } + [standing?.rawValue ?? ""])
            classes.append(Array(repeating: "", count: 10) + [standing?.rawValue ?? ""])
        }
        var table = ReportTable(
            name: "offices",
            headers: [
                words.text(.columnOffice), words.text(.columnKind), words.text(.columnP90Wait),
                words.text(.columnMeanWait), words.text(.columnWithinTarget, ["minutes": minutesText]),
                words.text(.columnServed), words.text(.columnNoShows), words.text(.columnLeft),
                words.text(.columnRefused), words.text(.columnUtilisation), words.text(.columnAgainstTarget),
            ], rows: rows, csvRows: csvRows,
            csvHeaders: [
                "office", "kind", "wait_minutes_p90", "wait_minutes", "wait_within_target", "served", "no_shows",
                "left", "booking_refused", "utilization", "against_target",
            ])
        table.cellClasses = classes
        report.section(words.text(.officesTitle), note: words.text(.officesNote), table: table, id: "offices")
    }
}
