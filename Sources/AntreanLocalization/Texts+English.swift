extension Texts {
    /// English: the wording Antrean's tables always had (byte for byte, so English output is unchanged).
    public static let english: [String: String] = [reportEnglish, fitEnglish, scheduleEnglish, problemEnglish]
        .reduce(generalEnglish) { table, part in table.merging(part) { general, _ in general } }

    /// The texts of the tables and messages; the HTML report's texts are in ``reportEnglish``.
    static let generalEnglish: [String: String] = [
        // Shared
        "common.interval": "[{low}, {high}]",
        "common.single_replication_note":
            "One replication: no confidence interval can be computed (run --replications 2 or more for one).",
        "common.none": "none",
        "common.yes": "yes",

        // simulate, city scenarios
        "city.title": "{title} — {replications} replication(s) of {days} days ({open} open), seed {seed}",
        "city.note.counts_many":
            "Counts are totals over the measured days (mean over replications); wait ± is the 95% CI half-width;",
        "city.note.counts_one": "Counts are totals over the measured days. {note}",
        "city.note.legend":
            "left = balked + reneged; lead d = days from booking to slot; util% = counter time serving within opening\n"
            + "hours; sold% = counter time the slot plan sells ÷ counter time available; overtime = minutes open after closing.",
        "city.offices_heading": "Offices, worst p90 wait first ({shown} of {total}):",
        "city.areas_heading": "By kecamatan (kelurahan and kecamatan offices in it) and for the city:",
        "city.all_offices": "All offices",
        "city.kind.kelurahan": "kelurahan",
        "city.kind.kecamatan": "kecamatan",
        "city.kind.mpp": "mpp",
        "city.kind.city": "city",
        "city.header.office": "office",
        "city.header.kind": "kind",
        "city.header.counters": "ctrs",
        "city.header.arrivals_per_day": "arr/day",
        "city.header.booked": "booked%",
        "city.header.served": "served",
        "city.header.no_shows": "no-show",
        "city.header.left": "left",
        "city.header.wait": "wait (min)",
        "city.header.within_target": "≤{target}m%",
        "city.header.lead_days": "lead d",
        "city.header.slot_utilization": "slot%",
        "city.header.counter_utilization": "util%",
        "city.header.sold": "sold%",
        "city.header.overtime": "overtime",

        // simulate, queue scenarios
        "queue.title": "{title} — {replications} replications, seed {seed}",
        "queue.overall": "overall",
        "queue.header.scope": "scope",
        "queue.header.arrivals": "arrivals",
        "queue.header.served": "served",
        "queue.header.abandoned": "abandoned",
        "queue.header.wait": "wait (min)",
        "queue.header.interval": "95% CI",
        "queue.header.utilization": "util",
        "queue.littles_law":
            "λ·W = arrivals per minute × mean time in system of every customer (served or abandoned).",
        "queue.theory_heading": "Theory:",
        "queue.theory.no_interval": "  {key}: simulated {estimate}, theory {expected} — no 95% CI from one replication",
        "queue.theory.check": "  {key}: simulated {estimate} {interval}, theory {expected} — {verdict} the 95% CI",
        "queue.theory.inside": "inside",
        "queue.theory.outside": "OUTSIDE",

        // compare
        "compare.title": "{title}: A = {a}, B = {b}, {pairs} paired replications (common random numbers)",
        "compare.header.metric": "metric",
        "compare.header.difference_interval": "95% CI of B − A",
        "compare.header.verdict": "verdict",
        "compare.verdict.a_better": "A better",
        "compare.verdict.b_better": "B better",
        "compare.verdict.no_significant_difference": "no significant difference",
        "compare.verdict.different": "different",
        "compare.verdict.too_few_replications": "too few replications",
        "compare.summary.none":
            "No significant difference in any KPI at 95% (more replications narrow the intervals).",
        "compare.summary.wins":
            "A ({a}) better on {a_wins} KPIs, B ({b}) better on {b_wins}; the rest show no significant difference.",

        // plan
        "plan.title":
            "{title}: staffing for \"{target}\" with 95% confidence\n"
            + "{replications} replications per candidate on common random numbers (seed {seed}), "
            + "{evaluations} candidates simulated",
        "plan.header.unit": "unit",
        "plan.header.current": "current",
        "plan.header.proposed": "proposed",
        "plan.header.bound": "95% bound",
        "plan.header.meets": "meets",
        "plan.header.counter_hours_change": "Δ counter-h",
        "plan.metric.quantile_wait": "{quantile} wait (min)",
        "plan.metric.mean_wait": "mean wait (min)",
        "plan.metric.share_within": "share within {limit}",
        "plan.not_met_within": "NO (within {limit})",
        "plan.missed_unit": "{unit} (not met within {limit} counters)",
        "plan.no_plan":
            "NO PLAN: the target is not met at {units}. The counter-hours ({current} in the current plan) are not "
            + "compared: a plan that misses the target is no saving. Raise --max-counters, or relax the target.",
        "plan.counter_hours":
            "Counter-hours: {current} in the current plan, {proposed} proposed ({change})",
        "hourly.title":
            "{title}: counters hour by hour for \"{target}\" (analytic: Erlang C per hour; SIPP uses the hour's "
            + "rate, MOL the lagged offered load)",
        "hourly.header.unit": "unit",
        "hourly.header.hour": "hour",
        "hourly.header.arrivals_per_hour": "arrivals/h",
        "hourly.header.offered_load": "offered load",

        // merge
        "sweep.title": "{scenario}: {points} grid points × {replications} replications, seed {seed}",

        // schedule
        "schedule.session":
            "Session: {citizens} citizens, {intervals} intervals of {interval} min, {counters} counter(s), no-show "
            + "{no_show}%, mean service {service} min",
        "schedule.objective": "Objective = {wait} × wait + {idle} × idle + {overtime} × overtime  ({method})",
        "schedule.method.exact": "exact: Kaandorp & Koole 2007",
        "schedule.method.simulated": "simulated: {replications} replications, seed {seed}, ± = 95% half-width",
        "schedule.header.schedule": "schedule",
        "schedule.header.wait": "wait",
        "schedule.header.idle": "idle",
        "schedule.header.overtime": "overtime",
        "schedule.header.makespan": "makespan",
        "schedule.header.objective": "objective",
        "schedule.header.places": "places per interval",
        "schedule.name.optimized": "optimized",
        "schedule.name.uniform": "uniform",
        "schedule.name.bailey_welch": "bailey_welch",
        "schedule.note": "(minutes; wait is per arriving citizen, idle is counter-minutes within the session)",
        "csv.column.schedule": "schedule",
        "csv.column.places": "places per interval",
        "csv.column.wait_minutes": "wait (min)",
        "csv.column.idle_minutes": "idle (min)",
        "csv.column.overtime_minutes": "overtime (min)",
        "csv.column.makespan_minutes": "makespan (min)",
        "csv.column.objective": "objective",

        // CSV header names (the machine keys stay the header; these only on request)
        "csv.column.metric": "metric",
        "csv.column.mean": "mean",
        "csv.column.ci95_low": "95% CI low",
        "csv.column.ci95_high": "95% CI high",
        "csv.column.sd": "standard deviation",
        "csv.column.replications": "replications",
        "csv.column.theory": "theory",
        "csv.column.a": "A",
        "csv.column.b": "B",
        "csv.column.difference": "B − A",
        "csv.column.direction": "better direction",
        "csv.column.verdict": "verdict",
        "csv.column.unit": "unit",
        "csv.column.current": "current counters",
        "csv.column.erlang_c": "Erlang C counters",
        "csv.column.counters": "proposed counters",
        "csv.column.metric_mean": "target metric mean",
        "csv.column.metric_ci95_low": "target metric 95% CI low",
        "csv.column.metric_ci95_high": "target metric 95% CI high",
        "csv.column.meets_target": "meets target",
        "csv.column.counter_hours_change": "change in counter-hours",
        "csv.column.point": "grid point",
        "csv.column.hour": "hour",
        "csv.column.arrivals_per_hour": "arrivals per hour",
        "csv.column.offered_load": "offered load",
        "csv.column.sipp": "SIPP counters",
        "csv.column.mol": "MOL counters",

        // Refusals of the allocator, by their stable code (AllocationRefusal.code)
        "refusal.unknown_office": "Unknown office",
        "refusal.unknown_service": "Unknown service",
        "refusal.service_not_offered": "This office does not offer the service",
        "refusal.no_such_slot":
            "There is no service at this time (the office is closed or the time is not a slot start)",
        "refusal.slot_full": "The quota for this hour is full",
        "refusal.walk_in_reserve_full": "The walk-in quota is used up",
        "refusal.daily_quota_reached": "The daily quota for this service is used up",
        "refusal.outside_booking_window":
            "The chosen time is outside the booking window (past, too soon, or too far ahead)",
        "refusal.nik_limit_reached": "This NIK already has {limit} active bookings",
        "refusal.nik_limit_reached.no_limit": "This NIK has reached its limit of active bookings",
        "refusal.account_limit_reached": "This account has made {limit} bookings in the last {hours} hours",
        "refusal.account_limit_reached.no_limit": "This account has reached its booking limit",
        "refusal.unknown_booking": "Booking not found",
        "refusal.not_owner": "This booking belongs to another NIK",
        "refusal.hold_not_active":
            "The held place is no longer held (it lapsed, was cancelled or is already confirmed)",
        "refusal.booking_not_active": "This booking is no longer active",
        "refusal.reschedule_limit_reached": "This booking has already been moved {limit} times, the most allowed",
        "refusal.reschedule_limit_reached.no_limit": "This booking cannot be moved again",
        "refusal.idempotency_key_reused": "This request key was already used for a different request",
        "refusal.no_availability": "No place is available that meets the request",
        "refusal.wrong_office": "This booking is for another office",
        "refusal.too_early_to_check_in": "It is too early to check in; please come back closer to the appointment",
        "refusal.check_in_closed": "The office has closed for the day",
        "refusal.token_malformed": "The QR code cannot be read",
        "refusal.token_forged": "The QR code is not valid",
        "refusal.token_altered": "The QR code has been altered and is not valid",
        "refusal.token_expired": "The QR code has expired",
        "refusal.token_replayed": "This QR code has already been used to check in",
        "refusal.token_wrong_office": "This QR code is for another office",
        "refusal.token_outside_window": "The QR code cannot be used at this time (outside its check-in window)",
        "refusal.token_revoked": "The booking of this QR code was cancelled or moved",
        "refusal.invalid_nik": "The NIK is not valid (16 digits, as on the identity card)",
        "refusal.instant_out_of_range": "The date is outside the supported range",
    ]
}
