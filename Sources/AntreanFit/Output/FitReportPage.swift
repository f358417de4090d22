public import AntreanLocalization
import Foundation

/// The fit's HTML page: per service the observed histogram of service times with the fitted density
/// drawn over it, the hourly arrival profile per office (walk-ins and booked, Monday–Friday average),
/// walk-in patience (Kaplan–Meier against the fitted exponential), no-shows by lead time, and the
/// skipped lines. Self-contained: inline SVG and CSS, no scripts, no network. Every text for people
/// comes from the language's table (`fit.*` keys); machine text (distributions in scenario syntax, the
/// reasons of skipped lines, which name the log's fields) is set in `<code>` and is the same in both
/// languages.
public enum FitReportPage {
    public static func html(_ fit: LogFit, language: Language = .en) -> String {
        let words = Words(language: language)
        let title = language.text("fit.page.title", ["source": fit.source])
        var body = "<h1>\(escape(title))</h1>\n"
        body +=
            "<p>"
            + escape(
                language.text(
                    "fit.page.rows",
                    [
                        "rows_read": language.integer(fit.rowsRead), "rows_used": language.integer(fit.rowsUsed),
                        "rows_skipped": language.integer(fit.badRowCount),
                        "days": fit.daysByWeekday.map { language.integer($0) }.joined(
                            separator: language == .id ? "; " : ", "),
                    ])) + "</p>\n"
        body += "<h2>\(escape(language.text("fit.service_times.title")))</h2>\n"
        for (service, model) in fit.serviceTimes {
            body += "<h3>\(escape(service))</h3>\n"
            var paragraph = escape(
                language.text(
                    "fit.service.summary",
                    [
                        "served": language.integer(model.sample.count), "mean": words.number(model.mean),
                        "half_width": words.number(model.meanHalfWidth),
                    ]))
            if let best = model.chosen {
                let chosen = escape(
                    language.text(
                        "fit.service.chosen",
                        [
                            "model": "\u{1}", "ks": language.number(best.ksStatistic, decimals: 4),
                            "ad": language.number(best.andersonDarling, decimals: 2),
                        ]))
                paragraph +=
                    " "
                    + chosen.replacingOccurrences(
                        of: "\u{1}", with: "<b><code>\(escape(ScenarioFragment.written(best)))</code></b>")
                if !model.fits { paragraph += " " + escape(language.text("fit.service.does_not_fit")) }
            } else {
                paragraph += " " + escape(language.text("fit.service.too_few"))
            }
            body += "<p>\(paragraph)</p>\n"
            body += histogram(model, words)
            body += candidateTable(model, words)
        }
        body += "<h2>\(escape(language.text("fit.arrivals.title")))</h2>\n"
        let offices = Array(Set(fit.arrivalRates.map(\.office))).sorted()
        for office in offices {
            body += "<h3>\(escape(office))</h3>\n" + hourlyProfile(fit, office: office, words)
        }
        body += "<h2>\(escape(language.text("fit.patience.title")))</h2>\n" + patience(fit, words)
        body += "<h2>\(escape(language.text("fit.no_shows.title")))</h2>\n" + noShowTable(fit, words)
        if fit.badRowCount > 0 {
            body += "<h2>\(escape(language.text("fit.skipped.title")))</h2>\n<p>"
            body += escape(
                fit.badRows.count < fit.badRowCount
                    ? language.text(
                        "fit.skipped.first",
                        ["count": language.integer(fit.badRowCount), "listed": language.integer(fit.badRows.count)])
                    : language.text("fit.skipped.all", ["count": language.integer(fit.badRowCount)]))
            body += "</p>\n<table>" + words.header(["line", "reason"]) + "\n"
            for row in fit.badRows.prefix(1000) {
                body += "<tr><td>\(language.integer(row.line))</td><td><code>\(escape(row.reason))</code></td></tr>\n"
            }
            body += "</table>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: #222; }
            table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
            td, th { border-bottom: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            svg { display: block; margin: 0.5rem 0; }
            .observed { fill: #9ecae1; } .booked { fill: #fdae6b; } .fitted { fill: none; stroke: #d62728; stroke-width: 2; }
            .axis { stroke: #444; } text { font-size: 11px; fill: #333; }
            @media print { body { margin: 0; } h2 { break-before: page; } }
            </style></head><body>
            \(body)</body></html>

            """
    }

    /// The page's language: its texts and its numbers for people (decimal comma in Indonesian).
    struct Words {
        var language: Language

        func text(_ key: String, _ values: [String: String] = [:]) -> String { language.text(key, values) }

        /// Minutes for people: two decimals, four below one minute (as the fragment writes them).
        func number(_ value: Double) -> String { language.number(value, decimals: value.magnitude < 1 ? 4 : 2) }

        func percent(_ share: Double) -> String { language.number(100 * share, decimals: 2) + "%" }

        /// A header row of the `fit.column.<name>` texts.
        func header(_ names: [String]) -> String {
            "<tr>" + names.map { "<th>\(escape(language.text("fit.column." + $0)))</th>" }.joined() + "</tr>"
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let width = 560.0
    static let height = 180.0
    static let margin = 30.0

    /// 40 bins up to the 99th percentile: observed shares as bars, the fitted family's probability per
    /// bin as a line.
    static func histogram(_ model: ServiceTimeFit, _ words: Words) -> String {
        let top = max(model.sample.quantile(0.99), 1e-9)
        let bins = 40
        let binWidth = top / Double(bins)
        var observed = [Double](repeating: 0, count: bins)
        for (value, count) in zip(model.sample.values, model.sample.counts) where value < top {
            observed[min(bins - 1, Int(value / binWidth))] += Double(count) / Double(model.sample.count)
        }
        let fitted: [Double] =
            model.chosen.map { best in
                (0..<bins).map { best.cdf(Double($0 + 1) * binWidth) - best.cdf(Double($0) * binWidth) }
            } ?? []
        let peak = max(observed.max() ?? 0, fitted.max() ?? 0, 1e-12)
        let plotWidth = width - 2 * margin
        let plotHeight = height - 2 * margin
        var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">\n"
        for (bin, share) in observed.enumerated() {
            let h = share / peak * plotHeight
            svg +=
                "<rect class=\"observed\" x=\(quoted(margin + Double(bin) * plotWidth / Double(bins))) "
                + "y=\(quoted(height - margin - h)) width=\(quoted(plotWidth / Double(bins) - 1)) height=\(quoted(h))/>\n"
        }
        if !fitted.isEmpty {
            let points = fitted.enumerated().map { bin, share in
                "\(Formatting.fixed(margin + (Double(bin) + 0.5) * plotWidth / Double(bins), 1)),"
                    + Formatting.fixed(height - margin - share / peak * plotHeight, 1)
            }
            svg += "<polyline class=\"fitted\" points=\"\(points.joined(separator: " "))\"/>\n"
        }
        svg += axis(label: words.text("fit.histogram.axis", ["top": words.language.number(top, decimals: 1)]))
        return svg + "</svg>\n"
    }

    static func candidateTable(_ model: ServiceTimeFit, _ words: Words) -> String {
        let language = words.language
        var table =
            "<table><tr><th>\(escape(words.text("fit.column.family")))</th><th>AIC</th><th>KS D</th><th>KS p</th>"
            + "<th>AD A²</th><th>\(escape(words.text("fit.column.mean")))</th></tr>\n"
        for fit in model.candidates {
            table +=
                "<tr><td>\(escape(words.text("fit.family." + fit.family.rawValue)))</td>"
                + "<td>\(language.number(fit.aic, decimals: 1))</td>"
                + "<td>\(language.number(fit.ksStatistic, decimals: 4))</td>"
                + "<td>\(language.number(fit.ksPValue, decimals: 3))</td>"
                + "<td>\(language.number(fit.andersonDarling, decimals: 2))</td><td>\(words.number(fit.mean))</td></tr>\n"
        }
        return table + "</table>\n"
    }

    static func hourlyProfile(_ fit: LogFit, office: String, _ words: Words) -> String {
        var walkIns = [Double](repeating: 0, count: 24)
        var booked = [Double](repeating: 0, count: 24)
        let weekdays = fit.daysByWeekday.prefix(5).filter { $0 > 0 }.count
        for rate in fit.arrivalRates where rate.office == office && rate.weekday < 5 {
            walkIns[rate.hour] += rate.walkInsPerHour / Double(max(1, weekdays))
            booked[rate.hour] += rate.bookedPerHour / Double(max(1, weekdays))
        }
        let peak = max(zip(walkIns, booked).map { $0 + $1 }.max() ?? 0, 1e-12)
        let plotWidth = width - 2 * margin
        let plotHeight = height - 2 * margin
        var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">\n"
        for hour in 0..<24 {
            let x = margin + Double(hour) * plotWidth / 24
            let walkHeight = walkIns[hour] / peak * plotHeight
            let bookedHeight = booked[hour] / peak * plotHeight
            svg +=
                "<rect class=\"observed\" x=\(quoted(x)) y=\(quoted(height - margin - walkHeight)) "
                + "width=\(quoted(plotWidth / 24 - 2)) height=\(quoted(walkHeight))><title>"
                + escape(
                    words.text(
                        "fit.arrivals.walk_ins_tooltip",
                        ["hour": String(hour), "rate": words.language.number(walkIns[hour], decimals: 2)]))
                + "</title></rect>\n"
            svg +=
                "<rect class=\"booked\" x=\(quoted(x)) y=\(quoted(height - margin - walkHeight - bookedHeight)) "
                + "width=\(quoted(plotWidth / 24 - 2)) height=\(quoted(bookedHeight))><title>"
                + escape(
                    words.text(
                        "fit.arrivals.booked_tooltip",
                        ["hour": String(hour), "rate": words.language.number(booked[hour], decimals: 2)]))
                + "</title></rect>\n"
            if hour % 3 == 0 {
                svg += "<text x=\(quoted(x)) y=\(quoted(height - margin + 14))>\(hour)</text>\n"
            }
        }
        svg += axis(label: words.text("fit.arrivals.axis", ["peak": words.language.number(peak, decimals: 2)]))
        return svg + "</svg>\n"
    }

    static func patience(_ fit: LogFit, _ words: Words) -> String {
        guard let exponential = fit.patienceExponential, let last = fit.patienceSurvival.steps.last else {
            return "<p>\(escape(words.text("fit.patience.none")))</p>\n"
        }
        let top = max(last.time, 1e-9)
        let plotWidth = width - 2 * margin
        let plotHeight = height - 2 * margin
        func x(_ t: Double) -> String { Formatting.fixed(margin + t / top * plotWidth, 1) }
        func y(_ s: Double) -> String { Formatting.fixed(height - margin - s * plotHeight, 1) }
        var km = ["\(x(0)),\(y(1))"]
        var previous = 1.0
        for step in fit.patienceSurvival.steps {
            km.append("\(x(step.time)),\(y(previous))")
            km.append("\(x(step.time)),\(y(step.survival))")
            previous = step.survival
        }
        let curve = (0...50).map { i in
            let t = Double(i) / 50 * top
            return "\(x(t)),\(y(exp(-t / exponential.mean)))"
        }
        let summary = words.text(
            "fit.patience.summary",
            [
                "left": words.language.integer(exponential.events),
                "served": words.language.integer(fit.patience.censoredCount), "mean": words.number(exponential.mean),
                "low": words.number(exponential.lower), "high": words.number(exponential.upper),
            ])
        return "<p>\(escape(summary))</p>\n"
            + "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">\n"
            + "<polyline points=\"\(km.joined(separator: " "))\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n"
            + "<polyline class=\"fitted\" points=\"\(curve.joined(separator: " "))\"/>\n"
            + axis(label: words.text("fit.patience.axis", ["top": words.language.number(top, decimals: 0)]))
            + "</svg>\n"
    }

    static func noShowTable(_ fit: LogFit, _ words: Words) -> String {
        var table = "<table>" + words.header(["lead_time", "bookings", "no_shows", "interval", "late"]) + "\n"
        for (index, band) in fit.noShowBands.enumerated() where band.noShows.trials > 0 {
            let interval = band.noShows.interval
            table +=
                "<tr><td>\(escape(words.text("fit.band.\(index)")))</td>"
                + "<td>\(words.language.integer(band.noShows.trials))</td>"
                + "<td>\(words.percent(band.noShows.share))</td><td>\(words.percent(interval.lowerBound))–"
                + "\(words.percent(interval.upperBound))</td><td>\(words.language.integer(band.late))</td></tr>\n"
        }
        return table + "</table>\n"
    }

    static func axis(label: String) -> String {
        "<line class=\"axis\" x1=\(quoted(margin)) y1=\(quoted(height - margin)) x2=\(quoted(width - margin)) "
            + "y2=\(quoted(height - margin))/>\n<text x=\(quoted(margin)) y=\(quoted(height - 4))>\(escape(label))</text>\n"
    }

    static func quoted(_ value: Double) -> String { "\"\(Formatting.fixed(value, 1))\"" }
}
