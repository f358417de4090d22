import AntreanScenario
import Foundation

/// The scenario YAML a fit writes: fields the scenario loader reads (`services.<id>.service_time`,
/// `citizens.no_show`, `far_booking_odds_ratio`, `punctuality`, `walk_in_patience`, `lead_time`,
/// `weekday_factor`, `hour_weights`), each with a comment giving the numbers behind it, so that a
/// scenario including it after its own base takes the fitted values (see docs/fit.md).
/// The office × weekday × hour arrival rates, which the scenario syntax cannot hold yet, go to a
/// CSV beside it (``ArrivalTable``) that the fragment names.
public enum ScenarioFragment {
    public static func text(_ fit: LogFit, arrivalsFile: String?) -> String {
        var lines: [String] = []
        lines.append("# Scenario fragment fitted by `antrean fit` from \(Formatting.comment(fit.source)).")
        lines.append(
            "# Rows: \(fit.rowsRead) read, \(fit.rowsUsed) used, \(fit.badRowCount) skipped (their lines are in the fit's output)."
        )
        lines.append("# Include it after the scenario it refines, e.g.   include: [samarinda.yaml, fitted.yaml]")
        if let arrivalsFile {
            lines.append(
                "# Arrival rates by office × weekday × hour (walk-ins and booked, with the days behind each):")
            lines.append("#   \(Formatting.comment(arrivalsFile)) — the scenario syntax has no field for them yet.")
        }
        lines.append(
            "# Observed days by weekday (Mon…Sun): "
                + fit.daysByWeekday.map(String.init).joined(separator: ", "))
        if !fit.serviceTimes.isEmpty {
            lines.append("services:")
            for (service, model) in fit.serviceTimes {
                lines.append(contentsOf: YAMLText.keyLines(service, indent: "  "))
                lines.append(contentsOf: serviceLines(model).map { "    " + $0 })
            }
        }
        let citizens = citizenLines(fit)
        if !citizens.isEmpty {
            lines.append("citizens:")
            lines.append(contentsOf: citizens.map { "  " + $0 })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func serviceLines(_ model: ServiceTimeFit) -> [String] {
        var lines: [String] = []
        let f = Formatting.fixed
        lines.append(
            "# \(model.sample.count) served"
                + (model.nonPositive > 0 ? " (\(model.nonPositive) of 0 s left out of the fits)" : "") + "; mean "
                + "\(Formatting.minutes(model.mean)) ± \(Formatting.minutes(model.meanHalfWidth)) (95% CI), sd "
                + Formatting.minutes(model.sample.standardDeviation))
        if !model.candidates.isEmpty {
            lines.append(
                "# AIC: " + model.candidates.map { "\($0.family.rawValue) \(f($0.aic, 1))" }.joined(separator: ", "))
        }
        if let best = model.chosen {
            lines.append(
                "# \(best.family.rawValue): KS D = \(f(best.ksStatistic, 4)) (p = \(f(best.ksPValue, 3))), "
                    + "AD A² = \(f(best.andersonDarling, 2))"
                    + (best.shapeHalfWidth.isFinite
                        ? ", \(best.family == .lognormal ? "σ" : "shape") \(f(shapeValue(best), 4)) ± \(f(best.shapeHalfWidth, 4))"
                        : "")
                    + (model.fits ? "; fits" : "; does not fit (KS p < 1% and D > 0.03): empirical below"))
        }
        if let best = model.chosen, model.fits {
            lines.append("service_time: '\(written(best))'")
        } else {
            let samples = model.empiricalQuantiles.map(Formatting.minutes).joined(separator: ", ")
            lines.append("# \(ServiceTimeFit.empiricalPoints) quantiles of the observed times")
            lines.append("service_time: { type: empirical, samples: [\(samples)] }")
        }
        return lines
    }

    static func shapeValue(_ fit: FittedDistribution) -> Double { fit.family == .lognormal ? fit.second : fit.first }

    /// The distribution in the scenario syntax (``DistributionSyntax`` in AntreanScenario).
    public static func written(_ fit: FittedDistribution) -> String {
        switch fit.family {
        case .exponential: "exponential(mean=\(Formatting.minutes(fit.first)))"
        case .lognormal:
            "lognormal(mean=\(Formatting.minutes(fit.mean)), sd=\(Formatting.minutes(fit.standardDeviation)))"
        case .gamma: "gamma(shape=\(Formatting.fixed(fit.first, 4)), scale=\(Formatting.minutes(fit.second)))"
        case .weibull: "weibull(shape=\(Formatting.fixed(fit.first, 4)), scale=\(Formatting.minutes(fit.second)))"
        }
    }

    static func citizenLines(_ fit: LogFit) -> [String] {
        var lines: [String] = []
        let f = Formatting.fixed
        if fit.noShow.trials > 0 {
            let interval = fit.noShow.interval
            lines.append(
                "# \(fit.noShow.successes) of \(fit.noShow.trials) bookings up to 28 days ahead, not cancelled, never "
                    + "came; 95% CI \(Formatting.percent(interval.lowerBound))–\(Formatting.percent(interval.upperBound))"
            )
            for band in fit.noShowBands where band.noShows.trials > 0 {
                lines.append(
                    "#   \(band.label): \(Formatting.percent(band.noShows.share)) of \(band.noShows.trials)"
                        + (band.late > 0 ? " (+\(band.late) came after release)" : ""))
            }
            lines.append("no_show: \(Formatting.percent(fit.noShow.share))")
        }
        if let odds = fit.farBookingOddsRatio {
            lines.append("far_booking_odds_ratio: \(f(odds, 3))   # odds of a no-show beyond 28 days ÷ within")
        }
        if fit.leadDays.count > 0 {
            lines.append(
                "# \(fit.leadDays.count) bookings: days from booking to the appointment (the slot given, which is "
                    + "no earlier than the day wished)")
            lines.append("lead_time: 'exponential(mean=\(f(max(fit.leadDays.mean, 1.0 / 1440), 3))d)'")
        }
        if fit.punctuality.count > 1 {
            lines.append(
                "# \(fit.punctuality.count) booked arrivals: arrival − appointment, mean "
                    + "\(Formatting.minutes(fit.punctuality.mean)) ± \(Formatting.minutes(fit.punctuality.meanHalfWidth))"
            )
            lines.append(
                "punctuality: 'normal(mean=\(Formatting.minutes(fit.punctuality.mean)), "
                    + "sd=\(Formatting.minutes(fit.punctuality.standardDeviation)))'")
        }
        if let patience = fit.patienceExponential {
            let median = fit.patienceSurvival.median.map(Formatting.minutes) ?? "beyond the longest wait"
            lines.append(
                "# walk-ins: \(patience.events) left the line, \(fit.patience.censoredCount) served (censored); "
                    + "exponential MLE with censoring, 95% CI \(Formatting.minutes(patience.lower))–"
                    + "\(Formatting.minutes(patience.upper)); Kaplan–Meier median \(median)")
            lines.append("walk_in_patience: 'exponential(mean=\(Formatting.minutes(patience.mean)))'")
        }
        if !fit.weekdayFactors.isEmpty {
            lines.append("# walk-ins per observed day, relative to the Monday–Friday mean")
            let entries = fit.weekdayFactors.sorted { $0.key < $1.key }.map {
                "\(LogFit.weekdayNames[$0.key]): \(f($0.value, 3))"
            }
            lines.append("weekday_factor: { \(entries.joined(separator: ", ")) }")
        }
        if !fit.hourWeights.isEmpty {
            lines.append("# arrivals by hour (all offices and weekdays), relative to the mean over busy hours")
            let entries = fit.hourWeights.sorted { $0.key < $1.key }.map { "\($0.key): \(f($0.value, 3))" }
            lines.append("hour_weights: { \(entries.joined(separator: ", ")) }")
        }
        return lines
    }
}

/// The office × weekday × hour arrival rates as CSV: one row per office, weekday and hour with
/// arrivals, rates per hour averaged over the observed days of that weekday.
public enum ArrivalTable {
    public static func text(_ fit: LogFit) -> String {
        var text = "office,weekday,hour,walk_ins_per_hour,booked_per_hour,walk_ins,booked,days\n"
        for rate in fit.arrivalRates {
            let office =
                rate.office.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + rate.office.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : rate.office
            text +=
                "\(office),\(LogFit.weekdayNames[rate.weekday]),\(rate.hour),"
                + "\(Formatting.fixed(rate.walkInsPerHour, 4)),\(Formatting.fixed(rate.bookedPerHour, 4)),"
                + "\(rate.walkIns),\(rate.booked),\(rate.days)\n"
        }
        return text
    }
}
