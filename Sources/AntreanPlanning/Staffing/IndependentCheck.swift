import AntreanEngine

/// The re-check of a search's answer on replications it never saw, raising the units that miss.
///
/// The search judges each candidate on replications 0..<n and keeps the cuts that pass there, so a
/// unit near its limit is kept when those n replications were lucky for it: its estimate is biased
/// in its favour (Boesel, Nelson & Kim 2003, "Using ranking and selection to 'clean up' after
/// simulation optimization", Operations Research 51(5), who re-evaluate the chosen solution on
/// fresh replications for this reason). The check runs the answer on the replications numbered from
/// ``firstReplication`` on, of the same seed (a stream disjoint from the search's, derived from the
/// one seed), and judges every unit by the search's estimate:
///
/// - **sequentially**: first ``initialReplications``; a unit whose 95% interval lies on one side of
///   the limit is decided (met, or missed), and its verdict stays; while some unit's interval still
///   holds the limit, the check doubles its replications (up to ``maximumReplications``) and judges
///   only those undecided units again — a sequential procedure in the sense of Law, *Simulation
///   Modeling and Analysis*, 5th ed., 2015, §9.4.1 (add replications until the interval is narrow
///   enough), stopped here as soon as the interval leaves the limit, as the screening of the fully
///   sequential ranking-and-selection procedures does (Kim & Nelson 2001, "A fully sequential
///   procedure for indifference-zone selection in simulation", ACM TOMACS 11(3)). A replication
///   runs the whole city, so the extra replications cost the same however few units wait for them;
///   they are spent only while some unit is undecided.
/// - a pooled share's interval is never narrower than the Wilson interval of its citizens
///   (``UnitEstimate/atLeastBinomial(_:citizens:target:)``), so a quiet hour whose few citizens were
///   all served in time is not met on five replications without spread; it gets more replications.
/// - a unit that misses, or is still undecided at ``maximumReplications`` (its target cannot be shown
///   to hold), gets one counter more, up to its limit — except one whose citizens were every one
///   served within the limit but are too few for the Wilson interval to reach the target: a counter
///   would change nothing that was seen, so it is reported as met on every citizen, too few to
///   bound — and the raised roster is checked again, on the
///   same check replications (common random numbers, as in the search; the check only adds counters,
///   so it cannot keep lucky cuts of its own); at most ``maximumChecks`` checks.
///
/// Every verdict of the plan is the last check's, on the roster written. The interval is looked at
/// after each doubling, so the chance that a unit exactly at its limit is declared met is somewhat
/// above the nominal 2.5% of one look (at most four looks with the default cap); the margin the
/// ratio estimate's t-interval leaves over it is not adjusted for.
public struct IndependentCheck: Sendable, Hashable {
    /// The check's first replication number; the search uses 0..<replications (fewer than 2³²).
    public static let firstReplication = 1 << 32

    /// Replications of the first look at each checked roster (at least 2, for an interval).
    public var initialReplications: Int
    /// The most replications a roster is checked on; a unit still undecided there gets a counter.
    public var maximumReplications: Int
    /// The most rosters checked (the search's answer, then one per raise).
    public var maximumChecks: Int

    /// `maximumReplications` defaults to 8 × `initialReplications` (three doublings).
    public init(initialReplications: Int, maximumReplications: Int? = nil, maximumChecks: Int = 10) {
        self.initialReplications = max(2, initialReplications)
        self.maximumReplications = max(
            self.initialReplications, maximumReplications ?? min(self.initialReplications, Int.max / 8) * 8)
        self.maximumChecks = max(1, maximumChecks)
    }

    /// What the check did, for the plan's header and output.
    public struct Report: Sendable, Hashable {
        public var firstReplication: Int
        public var initialReplications: Int
        public var maximumReplications: Int
        /// Rosters checked.
        public var checks: Int
        /// Replications simulated by all checks together.
        public var replicationsRun: Int
        /// True when the last check still had units missing and more counters could have been tried:
        /// ``maximumChecks`` stopped it.
        public var stoppedAtCheckLimit: Bool
    }

    /// A unit's verdict at the last check and the figure it rests on.
    struct UnitVerdict {
        var verdict: TargetVerdict
        var summary: MetricSummary
        var replications: Int
        /// Citizens served at the unit over those replications (pooled estimates).
        var citizens: Double?
        /// Undecided only because the citizens are too few for the binomial interval, every one of
        /// them served within the limit: another counter would change nothing that was seen.
        var fewCitizens: Bool
    }

    /// True for a share target whose pooled share is 1: every citizen seen was served in time.
    static func everyCitizenWithin(_ summary: MetricSummary, _ target: ServiceTarget) -> Bool {
        guard case .shareWithin = target.kind else { return false }
        return summary.mean >= 1
    }

    struct Outcome {
        var counters: [String: Int]
        /// The last check's replications (as many as its most undecided unit needed).
        var samples: [MetricSample]
        var verdicts: [String: UnitVerdict]
        /// Counters the check added, per unit.
        var added: [String: Int]
        var report: Report
    }

    /// Checks `counters` and raises until every unit meets its target, is at its limit, or
    /// ``maximumChecks`` rosters were checked. O(checks × maximumReplications) replications.
    func run<Model: StaffableModel>(
        _ search: StaffingSearch<Model>, model: Model, units: [StaffingUnit], counters start: [String: Int],
        limits: [String: Int], progress: (@Sendable (String) -> Void)?
    ) throws -> Outcome {
        let judged = search.estimate.judged(search.target)
        var counters = start
        var added: [String: Int] = [:]
        var checks = 0
        var replicationsRun = 0
        while true {
            checks += 1
            let staffed = try model.staffed(counters)
            var samples: [MetricSample] = []
            var verdicts: [String: UnitVerdict] = [:]
            var undecided = units
            var wanted = initialReplications
            while !undecided.isEmpty {
                let first = Self.firstReplication + samples.count
                samples += try ReplicationRunner.run(
                    staffed, replications: first..<(Self.firstReplication + wanted), seed: search.seed,
                    threads: search.threads)
                replicationsRun = replicationsRun + wanted - (first - Self.firstReplication)
                var stillOpen: [StaffingUnit] = []
                for unit in undecided {
                    let ratio = try search.summary(unit, samples)
                    let citizens = search.estimate.citizens(scope: unit.scope, samples: samples)
                    let summary =
                        citizens.map { UnitEstimate.atLeastBinomial(ratio, citizens: $0, target: judged) } ?? ratio
                    let verdict = TargetVerdict(summary, target: judged)
                    if verdict == .undecided && wanted < maximumReplications {
                        stillOpen.append(unit)
                    } else {
                        verdicts[unit.id] = UnitVerdict(
                            verdict: verdict, summary: summary, replications: wanted, citizens: citizens,
                            fewCitizens: verdict == .undecided && Self.everyCitizenWithin(ratio, judged))
                    }
                }
                progress?("check \(checks): \(wanted) independent replications, \(stillOpen.count) blocks undecided")
                undecided = stillOpen
                wanted = wanted > maximumReplications / 2 ? maximumReplications : 2 * wanted
            }
            // Units that miss or stay undecided, and may still get a counter; not those undecided only
            // for want of citizens, all served in time (a counter would change nothing seen).
            let toRaise = units.filter {
                let verdict = verdicts[$0.id]
                return verdict?.verdict != .meets && verdict?.fewCitizens != true
                    && counters[$0.id, default: 1] < limits[$0.id, default: search.maxCounters]
            }
            if toRaise.isEmpty || checks >= maximumChecks {
                let report = Report(
                    firstReplication: Self.firstReplication, initialReplications: initialReplications,
                    maximumReplications: maximumReplications, checks: checks, replicationsRun: replicationsRun,
                    stoppedAtCheckLimit: !toRaise.isEmpty)
                return Outcome(counters: counters, samples: samples, verdicts: verdicts, added: added, report: report)
            }
            for unit in toRaise {
                counters[unit.id, default: 1] += 1
                added[unit.id, default: 0] += 1
            }
        }
    }
}
