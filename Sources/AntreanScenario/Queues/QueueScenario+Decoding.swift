import AntreanEngine
import AntreanQueueing

extension QueueScenario {
    static let topLevelFields = ["model", "name", "description", "run", "queues", "theory"]

    /// Decodes a document whose `queues:` maps queue names to their definitions.
    public init(document: ScenarioDocument) throws(ScenarioError) {
        let fields = try document.node.fields(Self.topLevelFields)
        let runFields = try fields.required("run").fields(
            ["arrivals", "duration", "warm_up", "replications", "seed", "wait_target"])
        let runLength: RunLength
        switch (runFields.optional("arrivals"), runFields.optional("duration")) {
        case (let arrivals?, nil): runLength = .arrivals(try arrivals.int(atLeast: 1))
        case (nil, let duration?):
            let minutes = try duration.minutes()
            guard minutes > 0 else { throw duration.error("the run must last longer than 0") }
            runLength = .minutes(minutes)
        case (.some, .some): throw runFields.node.error("give either \"arrivals\" or \"duration\", not both")
        case (nil, nil): throw runFields.node.error("say how long to run: \"arrivals: 100000\" or \"duration: 30d\"")
        }
        var run = RunSettings()
        if let node = runFields.optional("replications") {
            run.replications = try node.int(atLeast: 1, atMost: RunSettings.maximumReplications)
        }
        if let node = runFields.optional("seed") { run.seed = try node.seed() }
        if let node = runFields.optional("wait_target") { run.waitTargetMinutes = try node.minutes() }
        let warmUp = try runFields.optional("warm_up")?.minutes() ?? 0
        if case .minutes(let length) = runLength, warmUp >= length {
            throw (runFields.optional("warm_up") ?? runFields.node).error(
                "the warm-up (\(warmUp) min) must be shorter than the run")
        }

        let queuesNode = try fields.required("queues")
        let queueNodes = try queuesNode.namedEntries()
        guard !queueNodes.isEmpty else { throw queuesNode.error("define at least one queue") }
        var queues: [QueueSpec] = []
        for (name, node) in queueNodes { queues.append(try QueueSpec(name: name, node: node)) }

        var theory: [String: Double] = [:]
        var source: String?
        if let theoryNode = fields.optional("theory") {
            for (key, node) in try theoryNode.namedEntries() {
                if key == "source" { source = try node.text() } else { theory[key] = try node.double() }
            }
        }
        let spec = QueueNetworkSpec(
            queues: queues, runLength: runLength, warmUpMinutes: warmUp,
            waitTargetMinutes: runFields.optional("wait_target") == nil ? nil : run.waitTargetMinutes)
        do {
            try spec.validate()
        } catch {
            throw queuesNode.error(error.message)
        }
        self.init(
            name: try fields.optional("name")?.text() ?? document.file,
            description: try fields.optional("description")?.text(),
            spec: spec, run: run, theory: theory, theorySource: source)
    }
}

extension QueueSpec {
    /// Counters per queue a scenario may give (far beyond any office; keeps counts in range).
    static let maximumCounters = 100_000

    init(name: String, node: ScenarioNode) throws(ScenarioError) {
        let fields = try node.fields(["counters", "arrivals", "service", "patience", "discipline", "classes", "roster"])
        let discipline: QueueDiscipline
        if let disciplineNode = fields.optional("discipline") {
            let text = try disciplineNode.text()
            guard let parsed = QueueDiscipline(rawValue: text) else {
                throw disciplineNode.error("expected fifo or priority, got \"\(text)\"")
            }
            discipline = parsed
        } else {
            discipline = .fifo
        }
        var classes: [CustomerClass] = []
        if let classesNode = fields.optional("classes") {
            for (className, classNode) in try classesNode.namedEntries() {
                let classFields = try classNode.fields(["share", "priority"])
                classes.append(
                    CustomerClass(
                        name: className, share: try classFields.required("share").share(),
                        priority: try classFields.optional("priority")?.int(atLeast: 0) ?? 0))
            }
            let total = classes.reduce(0) { $0 + $1.share }
            guard abs(total - 1) < 1e-9 else {
                throw classesNode.error("class shares must add up to 100%, they add up to \(total * 100)%")
            }
        }
        self.init(
            name: name, counters: try fields.required("counters").int(atLeast: 1, atMost: Self.maximumCounters),
            service: try fields.required("service").durationDistribution(isServiceTime: true),
            arrivals: try fields.required("arrivals").arrivalProcess(),
            patience: try fields.optional("patience")?.durationDistribution(isServiceTime: false),
            discipline: discipline, classes: classes, roster: try fields.optional("roster").map(Self.roster))
        if let roster, roster.maximumCounters(default: counters) < 1, let rosterNode = fields.optional("roster") {
            throw rosterNode.error("the roster never has a counter on duty")
        }
    }
}

extension ScenarioNode {
    /// `4.5/min` (Poisson) or `{ per_hour: [r0, r1, …] }` (rates per hour, hour by hour from 00:00,
    /// repeating after the last entry: 24 entries make a daily profile).
    func arrivalProcess() throws(ScenarioError) -> ArrivalProcess {
        if case .scalar = value {
            let rate = try ratePerMinute()
            guard rate > 0 else { throw error("the arrival rate must be positive") }
            return .poisson(ratePerMinute: rate)
        }
        let fields = try fields(["per_hour"])
        let profileNode = try fields.required("per_hour")
        var rates: [Double] = []
        for item in try profileNode.items() {
            let rate = try item.double()
            guard rate >= 0 else { throw item.error("an hourly rate cannot be negative") }
            rates.append(rate)
        }
        guard rates.contains(where: { $0 > 0 }) else { throw profileNode.error("at least one hour needs arrivals") }
        return .hourlyProfile(ratesPerHour: rates)
    }

    /// A seed: a whole number from 0 to 2^64 − 1.
    public func seed() throws(ScenarioError) -> UInt64 {
        let text = try text().replacingUnderscores()
        guard let value = UInt64(text) else {
            throw error("expected a seed, a whole number from 0 to 2^64-1, got \"\(text)\"")
        }
        return value
    }
}
