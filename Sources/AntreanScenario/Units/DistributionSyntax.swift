public import AntreanEngine

/// Distributions of durations in scenario files, written as a call or as a mapping:
///
///     service: lognormal(mean=12m, sd=6m)
///     service: exponential(1m)                        # positional, in the order listed below
///     service: { type: gamma, mean: 10m, sd: 5m }
///     service: { type: empirical, samples: [4m, 6m, 7m30s] }
///     service: { type: histogram, edges: [0m, 5m, 10m, 20m], weights: [2, 5, 1] }
///
/// Every duration takes a unit; `shape` and `k` are plain numbers. Named arguments use `=` (YAML
/// reads `: ` inside an unquoted value as a mapping; `"lognormal(mean: 12m, sd: 6m)"` in quotes works too).
enum DistributionSyntax {
    /// Parameter names per distribution, in positional order; `alternatives` are other accepted sets.
    struct Form {
        let names: [String]
        var parameters: [String]
        var alternatives: [[String]] = []
    }

    static let forms: [Form] = [
        Form(names: ["exponential", "exp"], parameters: ["mean"], alternatives: [["rate"]]),
        Form(names: ["deterministic", "constant", "fixed"], parameters: ["value"]),
        Form(names: ["uniform"], parameters: ["low", "high"]),
        Form(names: ["normal"], parameters: ["mean", "sd"]),
        Form(names: ["truncated_normal"], parameters: ["mean", "sd", "low", "high"]),
        Form(names: ["lognormal"], parameters: ["mean", "sd"]),
        Form(names: ["gamma"], parameters: ["shape", "scale"], alternatives: [["mean", "sd"]]),
        Form(names: ["erlang"], parameters: ["k", "mean"]),
        Form(names: ["weibull"], parameters: ["shape", "scale"]),
    ]

    static let knownNames = (forms.flatMap(\.names) + ["empirical", "histogram"]).joined(separator: ", ")
}

extension ScenarioNode {
    /// A distribution of durations, in minutes.
    public func distribution() throws(ScenarioError) -> Distribution {
        let distribution: Distribution
        switch value {
        case .scalar:
            distribution = try callDistribution()
        case .mapping(let entries, _):
            distribution = try mappingDistribution(entries)
        default:
            throw error("expected a distribution such as exponential(mean=5m), got \(value.kindDescription)")
        }
        try checkParameters(distribution)
        return distribution
    }

    private func callDistribution() throws(ScenarioError) -> Distribution {
        let text = try text()
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else {
            throw error(
                "expected a distribution such as exponential(mean=5m) or lognormal(mean=12m, sd=6m), got \"\(text)\"")
        }
        let name = String(text[..<open]).trimmingWhitespace().lowercased()
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        var named: [String: String] = [:]
        var positional: [String] = []
        for argument in inside.split(separator: ",") {
            let parts = argument.split(maxSplits: 1, whereSeparator: { $0 == "=" || $0 == ":" })
                .map { String($0).trimmingWhitespace() }
            if parts.count == 2 && parts[0].allSatisfy({ $0.isLetter || $0 == "_" }) {
                named[parts[0]] = parts[1]
            } else {
                positional.append(String(argument).trimmingWhitespace())
            }
        }
        return try build(name: name, named: named, positional: positional)
    }

    private func mappingDistribution(_ entries: [ScenarioEntry]) throws(ScenarioError) -> Distribution {
        guard let typeEntry = entries.first(where: { $0.key == "type" }), case .scalar(let type, _) = typeEntry.value
        else {
            throw error("a distribution written as a mapping needs a \"type\" field (\(DistributionSyntax.knownNames))")
        }
        let fields = try self.fields(entries.map(\.key))
        switch type.lowercased() {
        case "empirical":
            let samples = try fields.required("samples").items().map { item throws(ScenarioError) in
                try item.minutes(allowNegative: true)
            }
            guard !samples.isEmpty else {
                throw fields.node.error("an empirical distribution needs at least one sample")
            }
            return .empirical(EmpiricalDistribution(samples: samples))
        case "histogram":
            let edges = try fields.required("edges").items().map { item throws(ScenarioError) in
                try item.minutes(allowNegative: true)
            }
            let weights = try fields.required("weights").items().map { item throws(ScenarioError) in try item.double() }
            guard edges.count == weights.count + 1, weights.count >= 1 else {
                throw fields.node.error(
                    "a histogram needs one more edge than weights (\(edges.count) edges, \(weights.count) weights)")
            }
            guard zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw fields.node.error("histogram edges must increase")
            }
            guard weights.allSatisfy({ $0 >= 0 }), weights.contains(where: { $0 > 0 }) else {
                throw fields.node.error("histogram weights must be non-negative and not all zero")
            }
            return .empirical(EmpiricalDistribution(edges: edges, weights: weights))
        default:
            var named: [String: String] = [:]
            for entry in entries where entry.key != "type" {
                named[entry.key] = try ScenarioNode(entry.value, path: "\(path).\(entry.key)").text()
            }
            return try build(name: type.lowercased(), named: named, positional: [])
        }
    }

    private func build(name: String, named: [String: String], positional: [String]) throws(ScenarioError)
        -> Distribution
    {
        guard let form = DistributionSyntax.forms.first(where: { $0.names.contains(name) }) else {
            throw error("unknown distribution \"\(name)\"; known: \(DistributionSyntax.knownNames)")
        }
        var arguments = named
        for (index, text) in positional.enumerated() {
            guard index < form.parameters.count else {
                throw error(
                    "\(name) takes \(form.parameters.count) parameter(s): \(form.parameters.joined(separator: ", "))")
            }
            arguments[form.parameters[index]] = text
        }
        let accepted = [form.parameters] + form.alternatives
        guard let chosen = accepted.first(where: { Set($0) == Set(arguments.keys) }) else {
            let options = accepted.map { "\(name)(\($0.joined(separator: ", ")))" }.joined(separator: " or ")
            throw error("expected \(options), got parameters \(arguments.keys.sorted().joined(separator: ", "))")
        }
        func number(_ key: String) throws(ScenarioError) -> Double {
            guard let text = arguments[key] else { throw error("\(name) needs \(key)") }
            if key == "shape" || key == "k" {
                guard let value = Double(text) else {
                    throw error("\(name) \(key) must be a plain number, got \"\(text)\"")
                }
                return value
            }
            if key == "rate" {
                guard let value = Quantities.ratePerMinute(text) else {
                    throw error("\(name) rate must be a rate such as 2/min, got \"\(text)\"")
                }
                return value
            }
            guard let value = Quantities.minutes(text) else {
                throw error("\(name) \(key) must be a duration with a unit such as 5m or 90s, got \"\(text)\"")
            }
            return value
        }
        switch (form.names[0], chosen) {
        case ("exponential", ["rate"]):
            let rate = try number("rate")
            guard rate > 0 else { throw error("exponential rate must be positive") }
            return .exponential(mean: 1 / rate)
        case ("exponential", _): return .exponential(mean: try number("mean"))
        case ("deterministic", _): return .deterministic(try number("value"))
        case ("uniform", _): return .uniform(low: try number("low"), high: try number("high"))
        case ("normal", _): return .normal(mean: try number("mean"), sd: try number("sd"))
        case ("truncated_normal", _):
            return .truncatedNormal(
                mean: try number("mean"), sd: try number("sd"), low: try number("low"), high: try number("high"))
        case ("lognormal", _): return .lognormal(mean: try number("mean"), sd: try number("sd"))
        case ("gamma", ["mean", "sd"]):
            let mean = try number("mean")
            let sd = try number("sd")
            guard mean > 0, sd > 0 else { throw error("gamma mean and sd must be positive") }
            return .gamma(shape: (mean / sd) * (mean / sd), scale: sd * sd / mean)
        case ("gamma", _): return .gamma(shape: try number("shape"), scale: try number("scale"))
        case ("erlang", _):
            let k = try number("k")
            guard k >= 1, k == k.rounded() else { throw error("erlang k must be a whole number ≥ 1") }
            return .erlang(k: Int(k), mean: try number("mean"))
        default: return .weibull(shape: try number("shape"), scale: try number("scale"))
        }
    }

    /// The engine's own parameter checks (the samplers rely on them), located at this field.
    private func checkParameters(_ distribution: Distribution) throws(ScenarioError) {
        do {
            try distribution.validate()
        } catch {
            throw self.error(error.message)
        }
    }
}
