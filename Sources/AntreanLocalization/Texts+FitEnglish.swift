extension Texts {
    /// English texts of `antrean fit`: its printed summary and its `--report` page (keys `fit.*`);
    /// merged into ``Texts/english``. The distributions in scenario syntax and the log's field names are
    /// machine text and are written as they are in both languages.
    static let fitEnglish: [String: String] = [
        "fit.summary": "{rows_read} rows read, {rows_used} used, {rows_skipped} skipped; wrote {files}",
        "fit.summary.and": "{first} and {second}",
        "fit.summary.service": "  {service}: {served} served, {model}",
        "fit.model.empirical": "empirical",
        "fit.model.no_family_fits": "empirical (no family fits)",
        "fit.page.title": "Fit of {source}",
        "fit.page.rows":
            "{rows_read} rows read, {rows_used} used, {rows_skipped} skipped. Observed days by weekday (Mon…Sun): {days}.",
        "fit.service_times.title": "Service times",
        "fit.service.summary": "{served} served; mean {mean} ± {half_width} min.",
        "fit.service.chosen": "Chosen by AIC: {model}, KS D = {ks}, AD A² = {ad}.",
        "fit.service.does_not_fit": "It does not fit; the fragment uses the empirical distribution.",
        "fit.service.too_few": "Too few distinct values to fit.",
        "fit.histogram.axis": "minutes (0 – {top})",
        "fit.column.family": "family",
        "fit.column.mean": "mean (min)",
        "fit.family.exponential": "exponential",
        "fit.family.lognormal": "lognormal",
        "fit.family.gamma": "gamma",
        "fit.family.weibull": "Weibull",
        "fit.arrivals.title": "Arrivals by hour (Monday–Friday mean per day)",
        "fit.arrivals.walk_ins_tooltip": "{hour}:00 walk-ins {rate} per hour",
        "fit.arrivals.booked_tooltip": "{hour}:00 booked {rate} per hour",
        "fit.arrivals.axis": "hour of day — blue walk-ins, orange booked; peak {peak} per hour",
        "fit.patience.title": "Walk-in patience",
        "fit.patience.none": "No walk-in left the line: patience cannot be estimated.",
        "fit.patience.summary":
            "{left} walk-ins left the line, {served} were served (censored). Exponential maximum-likelihood "
            + "estimate with censoring: mean {mean} min (95% CI {low}–{high} min).",
        "fit.patience.axis": "minutes waited (0 – {top}) — blue Kaplan–Meier, red exponential",
        "fit.no_shows.title": "No-shows by booking lead time",
        "fit.column.lead_time": "lead time",
        "fit.column.bookings": "bookings",
        "fit.column.no_shows": "no-show",
        "fit.column.interval": "95% CI",
        "fit.column.late": "late",
        "fit.band.0": "under 1 day",
        "fit.band.1": "1–3 days",
        "fit.band.2": "3–7 days",
        "fit.band.3": "7–14 days",
        "fit.band.4": "14–28 days",
        "fit.band.5": "over 28 days",
        "fit.skipped.title": "Skipped lines",
        "fit.skipped.all": "{count} lines could not be read:",
        "fit.skipped.first": "{count} lines could not be read (the first {listed} listed):",
        "fit.column.line": "line",
        "fit.column.reason": "reason",
    ]
}
