import Foundation
import Testing

/// `antrean schedule` as a user runs it: the JSON shape, Bailey's case, and the usage errors.
@Suite("antrean schedule")
struct ScheduleCommandTests {
    static func json(_ arguments: [String]) throws -> [String: [String: Any]] {
        let result = try AntreanProcess.run(["schedule"] + arguments + ["--format", "json"])
        try #require(result.status == 0, "\(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        return try #require(object as? [String: [String: Any]])
    }

    /// Bailey's case with equal weights: the optimum is Bailey–Welch (Kaandorp & Koole), and the
    /// individual schedule has the published exact wait 12.16 and overtime 21.73 minutes.
    @Test func baileysCaseInJSON() throws {
        let report = try Self.json([
            "--citizens", "12", "--intervals", "12", "--interval", "10m", "--service", "exponential(mean=10m)",
            "--no-show", "0%", "--weights", "wait=1,idle=1,overtime=1",
        ])
        #expect(Set(report.keys) == ["optimized", "uniform", "bailey_welch"])
        for entry in report.values {
            #expect(
                Set(entry.keys) == [
                    "places", "wait_minutes", "idle_minutes", "overtime_minutes", "makespan_minutes", "objective",
                ])
        }
        let optimized = try #require(report["optimized"]?["places"] as? [Int])
        #expect(optimized == [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0])
        #expect(report["bailey_welch"]?["places"] as? [Int] == optimized)
        let uniform = try #require(report["uniform"])
        #expect(abs((uniform["wait_minutes"] as? Double ?? 0) - 12.16) < 0.006)
        #expect(abs((uniform["overtime_minutes"] as? Double ?? 0) - 21.73) < 0.006)
        let optimum = try #require(report["optimized"]?["objective"] as? Double)
        #expect(optimum <= (uniform["objective"] as? Double ?? 0))
    }

    /// The simulation path (two counters, lognormal service) places every citizen and never does
    /// worse than the better reference schedule it starts from.
    @Test func simulationPathPlacesEveryCitizen() throws {
        let report = try Self.json([
            "--citizens", "12", "--intervals", "6", "--counters", "2", "--service", "lognormal(mean=10m, sd=5m)",
            "--neighbourhood", "small", "--replications", "200", "--seed", "7",
        ])
        let places = try #require(report["optimized"]?["places"] as? [Int])
        #expect(places.reduce(0, +) == 12 && places.count == 6)
        let optimum = try #require(report["optimized"]?["objective"] as? Double)
        let references = ["uniform", "bailey_welch"].compactMap { report[$0]?["objective"] as? Double }
        #expect(references.count == 2 && optimum <= references.min() ?? 0)
    }

    @Test func csvHasOneRowPerSchedule() throws {
        let result = try AntreanProcess.run(["schedule", "--citizens", "6", "--intervals", "4", "--format", "csv"])
        try #require(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first == "schedule,places,wait_minutes,idle_minutes,overtime_minutes,makespan_minutes,objective")
        #expect(lines.dropFirst().map { $0.split(separator: ",").first } == ["optimized", "uniform", "bailey_welch"])
    }

    /// Usage errors end with status 64 and say what is wrong.
    @Test(arguments: [
        (["--weights", "wait=0,idle=0,overtime=0"], "all zero"),
        (["--weights", "wait=-1"], "wait weight"),
        (["--no-show=-5%"], "--no-show"),
        (["--interval=-10m"], "--interval"),
        (["--service", "exponential(mean=-3m)"], "--service"),
        (["--interval", "3h"], "longer than a day (1440 min)"),
    ])
    func badInputIsAUsageError(extra: [String], mentions: String) throws {
        let result = try AntreanProcess.run(["schedule", "--citizens", "12", "--intervals", "12"] + extra)
        #expect(result.status == 64)
        #expect(result.standardError.contains(mentions), "\(result.standardError)")
    }

    /// A session too large for its evaluator (N citizens that cannot be placed, too many counters or
    /// draws) is refused before the search, naming the option at fault and this command's usage.
    @Test(arguments: [
        (["--citizens", "5000", "--intervals", "12"], "--citizens: the exact evaluator"),
        (
            ["--citizens", "12", "--intervals", "1", "--interval", "20h", "--service", "exponential(mean=5m)"],
            "--interval:"
        ),
        (["--citizens", "12", "--intervals", "12", "--counters", "2000"], "--counters:"),
        (
            [
                "--citizens", "1000", "--intervals", "12", "--service", "lognormal(mean=10m, sd=5m)", "--replications",
                "100000",
            ],
            "--replications:"
        ),
    ])
    func evaluatorLimitsNameTheirOption(arguments: [String], mentions: String) throws {
        let result = try AntreanProcess.run(["schedule"] + arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains(mentions), "\(result.standardError)")
        #expect(result.standardError.contains("antrean schedule"), "\(result.standardError)")
    }

    @Test func tooManyCitizensAndNegativeCountsAreUsageErrors() throws {
        for arguments in [
            ["--citizens", "5000", "--intervals", "12"], ["--citizens=-3", "--intervals", "12"],
            ["--citizens", "9223372036854775807", "--intervals", "12"],
            ["--intervals", "9223372036854775807", "--citizens", "12"],
        ] {
            let result = try AntreanProcess.run(["schedule"] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains("citizens") || result.standardError.contains("intervals"))
        }
    }
}

extension ScheduleCommandTests {
    /// The help states the objective and its examples run as printed.
    @Test func helpStatesTheObjectiveAndItsExamplesRun() throws {
        let help = try AntreanProcess.run(["help", "schedule"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("objective = wait × W + idle × D + overtime × T"))
        let examples = help.standardOutput.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("antrean schedule --") }
        #expect(examples.count >= 5)
        for example in examples {
            // Split like a shell: spaces separate words except inside double quotes.
            var words: [String] = []
            var word = ""
            var quoted = false
            for character in example.dropFirst("antrean ".count) {
                if character == "\"" {
                    quoted.toggle()
                } else if character == " " && !quoted {
                    if !word.isEmpty { words.append(word) }
                    word = ""
                } else {
                    word.append(character)
                }
            }
            if !word.isEmpty { words.append(word) }
            let result = try AntreanProcess.run(words)
            #expect(result.status == 0, "\(example): \(result.standardError)")
        }
    }
}

/// The scenario form, `antrean schedule CITY.yaml`, on the tests' small city.
extension ScheduleCommandTests {
    static var smallCity: String {
        AntreanProcess.repositoryRoot.appendingPathComponent("Tests/AntreanCityTests/Fixtures/small-city.yaml").path
    }

    /// Short settings so that the debug build runs a search in seconds.
    static let quick = [
        "--search-days", "7", "--search-replications", "3", "--max-evaluations", "4", "--days", "7",
        "--replications", "3",
    ]

    /// The same seed gives the same bytes, output and templates file, on one thread and on two.
    @Test func scenarioFormIsTheSameOnAnyNumberOfThreads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-schedule-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [String] = []
        var files: [String] = []
        for threads in ["1", "2"] {
            let out = folder.appendingPathComponent("templates-\(threads).yaml").path
            let result = try AntreanProcess.run(
                [
                    "schedule", Self.smallCity, "--weekday", "monday", "--format", "json", "--threads", threads,
                    "--out", out,
                ]
                    + Self.quick)
            try #require(result.status == 0, "\(result.standardError)")
            outputs.append(result.standardOutput)
            // The header names the command, --out included: the same but for the file's name.
            files.append(
                try String(contentsOfFile: out, encoding: .utf8)
                    .replacingOccurrences(of: "templates-\(threads).yaml", with: "templates.yaml"))
        }
        #expect(outputs[0] == outputs[1])
        #expect(files[0] == files[1])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(outputs[0].utf8)) as? [String: Any])
        let comparison = try #require(object["comparison"] as? [String: Any])
        let metrics = try #require(comparison["metrics"] as? [String: Any])
        for key in [
            "booked.wait_minutes", "booked.wait_minutes.p90", "walk_in.wait_minutes", "walk_in.wait_minutes.p90",
            "idle_counter_minutes_per_day", "overtime_minutes_per_day", "turned_away",
        ] {
            #expect(metrics[key] != nil, "missing \(key)")
        }
        #expect((object["offices"] as? [Any])?.count == 7)
        #expect(files[0].contains("\nappointment_templates:"))
        #expect(files[0].contains("#   antrean schedule \(Self.smallCity) --weights wait=1,idle=1,overtime=1 --seed"))
    }

    /// --report writes a page with the templates' shape for the scenario form and the frontier for
    /// one session.
    @Test func reportsDrawTheShapeAndTheFrontier() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-schedule-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cityPage = folder.appendingPathComponent("city.html").path
        let city = try AntreanProcess.run(
            ["schedule", Self.smallCity, "--office", "sungai", "--weekday", "friday", "--report", cityPage] + Self.quick
        )
        try #require(city.status == 0, "\(city.standardError)")
        let cityText = try String(contentsOfFile: cityPage, encoding: .utf8)
        #expect(cityText.contains("Friday: places per interval") && cityText.contains("<svg"))
        // The scenario form draws its own frontier: the search re-run as the idle weight varies.
        #expect(cityText.contains("The wait/idle trade-off") && cityText.contains("<polyline"))
        let sessionPage = folder.appendingPathComponent("session.html").path
        let session = try AntreanProcess.run([
            "schedule", "--citizens", "8", "--intervals", "8", "--no-show", "10%", "--report", sessionPage,
        ])
        try #require(session.status == 0, "\(session.standardError)")
        let sessionText = try String(contentsOfFile: sessionPage, encoding: .utf8)
        #expect(sessionText.contains("The wait/idle trade-off") && sessionText.contains("<polyline"))
    }

    /// Bad input names the option and exits 64.
    @Test(arguments: [
        (["--office", "nowhere"], "--office"),
        (["--weekday", "funday"], "--weekday"),
        (["--weekday", "sunday"], "--weekday"),
        (["--weights", "wait=0,idle=0"], "--weights"),
        (["--citizens", "12"], "--citizens"),
    ])
    func scenarioFormBadInputNamesTheOption(extra: [String], mentions: String) throws {
        let result = try AntreanProcess.run(["schedule", Self.smallCity] + extra)
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardError.contains(mentions), "\(result.standardError)")
    }

    /// Both forms take --output: the file holds exactly what standard output would, nothing is printed,
    /// and an unwritable file is exit 73 (issue 18 §3: "Both forms take the usual … --output").
    @Test func bothFormsWriteTheirOutputToAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-schedule-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let forms = [
            ["schedule", "--citizens", "8", "--intervals", "6", "--no-show", "10%", "--seed", "3"],
            ["schedule", Self.smallCity, "--office", "sungai", "--weekday", "monday", "--seed", "3"] + Self.quick,
        ]
        for (index, form) in forms.enumerated() {
            for format in ["table", "json", "csv"] {
                let printed = try AntreanProcess.run(form + ["--format", format])
                try #require(printed.status == 0, "\(printed.standardError)")
                let path = folder.appendingPathComponent("\(index).\(format)").path
                let written = try AntreanProcess.run(form + ["--format", format, "--output", path])
                #expect(written.status == 0 && written.standardOutput.isEmpty)
                #expect(
                    try String(contentsOfFile: path, encoding: .utf8) == printed.standardOutput, "\(form) \(format)")
            }
            let unwritable = try AntreanProcess.run(form + ["--output", folder.appendingPathComponent("no/such").path])
            #expect(unwritable.status == 73, "\(unwritable.standardError)")
        }
    }

    @Test func scenarioOptionsNeedAScenario() throws {
        let result = try AntreanProcess.run(["schedule", "--citizens", "12", "--intervals", "12", "--office", "mpp"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--office belongs to the scenario form"))
    }
}
