import Foundation

/// The fit's HTML page: per service the observed histogram of service times with the fitted density
/// drawn over it, the hourly arrival profile per office (walk-ins and booked, Monday–Friday average),
/// walk-in patience (Kaplan–Meier against the fitted exponential), no-shows by lead time, and the
/// skipped lines. Self-contained: inline SVG and CSS, no scripts, no network.
public enum FitReportPage {
    public static func html(_ fit: LogFit) -> String {
        var body = "<h1>Fit of \(escape(fit.source))</h1>\n"
        body +=
            "<p>\(fit.rowsRead) rows read, \(fit.rowsUsed) used, \(fit.badRowCount) skipped. Observed days by weekday "
            + "(Mon…Sun): \(fit.daysByWeekday.map(String.init).joined(separator: ", ")).</p>\n"
        body += "<h2>Service times</h2>\n"
        for (service, model) in fit.serviceTimes {
            body += "<h3>\(escape(service))</h3>\n"
            let best = model.chosen
            body +=
                "<p>\(model.sample.count) served; mean \(Formatting.minutes(model.mean)) ± "
                + "\(Formatting.minutes(model.meanHalfWidth)). "
                + (best.map {
                    "Chosen by AIC: <b>\(escape(ScenarioFragment.written($0)))</b>, KS D = "
                        + "\(Formatting.fixed($0.ksStatistic, 4)), AD A² = \(Formatting.fixed($0.andersonDarling, 2))"
                        + (model.fits ? "." : " — does not fit; the fragment uses the empirical distribution.")
                } ?? "Too few distinct values to fit.") + "</p>\n"
            body += histogram(model)
            body += candidateTable(model)
        }
        body += "<h2>Arrivals by hour (Monday–Friday mean per day)</h2>\n"
        let offices = Array(Set(fit.arrivalRates.map(\.office))).sorted()
        for office in offices {
            body += "<h3>\(escape(office))</h3>\n" + hourlyProfile(fit, office: office)
        }
        body += "<h2>Walk-in patience</h2>\n" + patience(fit)
        body += "<h2>No-shows by booking lead time</h2>\n" + noShowTable(fit)
        if fit.badRowCount > 0 {
            body += "<h2>Skipped lines</h2>\n<p>\(fit.badRowCount) lines could not be read"
            body += fit.badRows.count < fit.badRowCount ? " (the first \(fit.badRows.count) listed):" : ":"
            body += "</p>\n<table><tr><th>line</th><th>reason</th></tr>\n"
            for row in fit.badRows.prefix(1000) {
                body += "<tr><td>\(row.line)</td><td>\(escape(row.reason))</td></tr>\n"
            }
            body += "</table>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Fit of \(escape(fit.source))</title>
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

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let width = 560.0
    static let height = 180.0
    static let margin = 30.0

    /// 40 bins up to the 99th percentile: observed shares as bars, the fitted family's probability per
    /// bin as a line.
    static func histogram(_ model: ServiceTimeFit) -> String {
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
        svg += axis(label: "minutes (0 – \(Formatting.fixed(top, 1)))")
        return svg + "</svg>\n"
    }

    static func candidateTable(_ model: ServiceTimeFit) -> String {
        var table = "<table><tr><th>family</th><th>AIC</th><th>KS D</th><th>KS p</th><th>AD A²</th><th>mean</th></tr>\n"
        for fit in model.candidates {
            table +=
                "<tr><td>\(fit.family.rawValue)</td><td>\(Formatting.fixed(fit.aic, 1))</td>"
                + "<td>\(Formatting.fixed(fit.ksStatistic, 4))</td><td>\(Formatting.fixed(fit.ksPValue, 3))</td>"
                + "<td>\(Formatting.fixed(fit.andersonDarling, 2))</td><td>\(Formatting.minutes(fit.mean))</td></tr>\n"
        }
        return table + "</table>\n"
    }

    static func hourlyProfile(_ fit: LogFit, office: String) -> String {
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
                + "width=\(quoted(plotWidth / 24 - 2)) height=\(quoted(walkHeight))><title>\(hour):00 walk-ins "
                + "\(Formatting.fixed(walkIns[hour], 2))/h</title></rect>\n"
            svg +=
                "<rect class=\"booked\" x=\(quoted(x)) y=\(quoted(height - margin - walkHeight - bookedHeight)) "
                + "width=\(quoted(plotWidth / 24 - 2)) height=\(quoted(bookedHeight))><title>\(hour):00 booked "
                + "\(Formatting.fixed(booked[hour], 2))/h</title></rect>\n"
            if hour % 3 == 0 {
                svg += "<text x=\(quoted(x)) y=\(quoted(height - margin + 14))>\(hour)</text>\n"
            }
        }
        svg += axis(label: "hour of day — blue walk-ins, orange booked; peak \(Formatting.fixed(peak, 2)) per hour")
        return svg + "</svg>\n"
    }

    static func patience(_ fit: LogFit) -> String {
        guard let exponential = fit.patienceExponential, let last = fit.patienceSurvival.steps.last else {
            return "<p>No walk-in left the line: patience cannot be estimated.</p>\n"
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
        return "<p>\(exponential.events) walk-ins left the line, \(fit.patience.censoredCount) were served "
            + "(censored). Exponential MLE with censoring: mean \(Formatting.minutes(exponential.mean)) "
            + "(95% CI \(Formatting.minutes(exponential.lower))–\(Formatting.minutes(exponential.upper))).</p>\n"
            + "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">\n"
            + "<polyline points=\"\(km.joined(separator: " "))\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n"
            + "<polyline class=\"fitted\" points=\"\(curve.joined(separator: " "))\"/>\n"
            + axis(label: "minutes waited (0 – \(Formatting.fixed(top, 0))) — blue Kaplan–Meier, red exponential")
            + "</svg>\n"
    }

    static func noShowTable(_ fit: LogFit) -> String {
        var table = "<table><tr><th>lead time</th><th>bookings</th><th>no-show</th><th>95% CI</th><th>late</th></tr>\n"
        for band in fit.noShowBands where band.noShows.trials > 0 {
            let interval = band.noShows.interval
            table +=
                "<tr><td>\(band.label)</td><td>\(band.noShows.trials)</td>"
                + "<td>\(Formatting.percent(band.noShows.share))</td><td>\(Formatting.percent(interval.lowerBound))–"
                + "\(Formatting.percent(interval.upperBound))</td><td>\(band.late)</td></tr>\n"
        }
        return table + "</table>\n"
    }

    static func axis(label: String) -> String {
        "<line class=\"axis\" x1=\(quoted(margin)) y1=\(quoted(height - margin)) x2=\(quoted(width - margin)) "
            + "y2=\(quoted(height - margin))/>\n<text x=\(quoted(margin)) y=\(quoted(height - 4))>\(escape(label))</text>\n"
    }

    static func quoted(_ value: Double) -> String { "\"\(Formatting.fixed(value, 1))\"" }
}
