extension Texts {
    /// English texts of `antrean schedule`'s scenario form (its table) and of both forms' `--report`
    /// pages (keys `schedule.*`); merged into ``Texts/english``. The one-session table's texts are in
    /// ``generalEnglish``.
    static let scheduleEnglish: [String: String] = [
        // The scenario form's table
        "schedule.search.title":
            "Template search (objective = {wait} × wait + {idle} × idle + {overtime} × overtime, minutes per open "
            + "day, on the search's own replications): {changed} office × service × weekday templates changed",
        "schedule.search.header.office": "office",
        "schedule.search.header.objective_now": "objective now",
        "schedule.search.header.optimized": "optimized",
        "schedule.search.header.moves": "moves",
        "schedule.search.header.candidates": "candidates",
        "schedule.search.header.shape": "shape",
        "schedule.city_frontier.note":
            "The template search re-run with the idle weight multiplied as labelled (wait and overtime weights as "
            + "given); each point is the optimized templates' mean wait and idle counter-minutes per day of {scope}, "
            + "simulated on common random numbers. A heavier idle weight lets the search keep the counters busier "
            + "at the cost of waiting.",
        "schedule.city_frontier.chart": "wait against idle time of the optimized templates",
        "schedule.city_frontier.x_axis": "idle counter-minutes per day →",
        "schedule.city_frontier.y_axis": "↑ mean wait, minutes",
        "schedule.city_frontier.column.idle_weight": "idle weight",
        "schedule.city_frontier.column.weights": "weights (wait; idle; overtime)",
        "schedule.city_frontier.column.idle": "idle (min/day)",
        "schedule.city_frontier.column.wait": "wait (min)",
        "schedule.city_frontier.column.changed": "templates changed",
        "schedule.comparison.title": "Current against optimized templates, {scope}, {days} days",
        "schedule.scope.office": "office {office}",
        "schedule.scope.city": "the city",
        "schedule.label.current": "current templates",
        "schedule.label.optimized": "optimized templates",
        // The one-session page
        "schedule.page.session_title": "Appointment schedule of one session",
        "schedule.page.session_subtitle":
            "{citizens} citizens in {intervals} intervals of {interval} min; objective = {wait} × wait + "
            + "{idle} × idle + {overtime} × overtime",
        "schedule.shape.title": "The schedule's shape",
        "schedule.shape.note":
            "Citizens told to come at the start of each interval (minutes from the session's start).",
        "schedule.shape.chart": "citizens per interval",
        "schedule.unit.citizens": "citizens",
        "schedule.unit.places": "places",
        "schedule.column.schedule": "schedule",
        "schedule.column.wait": "wait (min)",
        "schedule.column.idle": "idle (min)",
        "schedule.column.overtime": "overtime (min)",
        "schedule.column.makespan": "makespan (min)",
        "schedule.column.objective": "objective",
        "schedule.column.places": "places",
        "schedule.frontier.title": "The wait/idle trade-off",
        "schedule.frontier.note":
            "The optimum re-computed as the idle weight varies against the wait weight (overtime weight as given): "
            + "each point is one weight ratio's optimal schedule. Heavier idle weight front-loads the schedule and "
            + "lowers idle time at the cost of waiting.",
        "schedule.frontier.chart": "wait against idle time of the optimal schedules",
        "schedule.frontier.column.ratio": "idle : wait weight",
        "schedule.frontier.point": "{ratio}: idle {idle} min, wait {wait} min",
        "schedule.frontier.x_axis": "idle counter-minutes in the session →",
        "schedule.frontier.y_axis": "↑ mean wait per arriving citizen, minutes",
        // The scenario form's page
        "schedule.page.templates_title": "Appointment templates of {scenario}",
        "schedule.page.templates_subtitle":
            "Optimised by simulation through the allocator for {scope}; objective = {wait} × wait + {idle} × idle + "
            + "{overtime} × overtime",
        "schedule.templates.title": "{weekday}: places per interval",
        "schedule.templates.note":
            "Total places (reserves included) of every service of {scope} whose appointment minute falls in each "
            + "{minutes}-minute window from opening (templates of any interval length).",
        "schedule.templates.chart": "{weekday}: places per interval",
        "schedule.column.interval": "interval start",
        "schedule.column.current": "current",
        "schedule.column.optimized": "optimized",
        "schedule.comparison.section": "Current against optimized templates",
        "schedule.comparison.note":
            "{pairs} paired replications of {days} days on common random numbers; 95% intervals of the difference "
            + "(optimized − current).",
        "schedule.column.metric": "metric",
        "schedule.column.difference": "difference",
        "schedule.column.interval95": "95% interval",
        "schedule.column.verdict": "verdict",
        "schedule.verdict.a_better": "current better",
        "schedule.verdict.b_better": "optimized better",
        "schedule.metric.booked.wait_minutes": "Mean wait of citizens with a booking (min)",
        "schedule.metric.booked.wait_minutes.p90": "Wait of 9 in 10 citizens with a booking (min)",
        "schedule.metric.walk_in.wait_minutes": "Mean wait of citizens without a booking (min)",
        "schedule.metric.walk_in.wait_minutes.p90": "Wait of 9 in 10 citizens without a booking (min)",
        "schedule.metric.all.wait_minutes": "Mean wait of every citizen who waited (min)",
        "schedule.metric.idle_counter_minutes_per_day": "Idle counter time per open day (counter-min)",
        "schedule.metric.overtime_minutes_per_day": "Minutes past closing per open day",
        "schedule.metric.turned_away": "Turned away (left, gave up or refused)",
        "schedule.metric.booking_refused": "Bookings refused",
        "schedule.metric.served": "Citizens served",
        "schedule.metric.objective": "Objective",
        "schedule.weekday.monday": "Monday",
        "schedule.weekday.tuesday": "Tuesday",
        "schedule.weekday.wednesday": "Wednesday",
        "schedule.weekday.thursday": "Thursday",
        "schedule.weekday.friday": "Friday",
        "schedule.weekday.saturday": "Saturday",
        "schedule.weekday.sunday": "Sunday",
    ]
}
