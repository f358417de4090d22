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
    ])
    func badInputIsAUsageError(extra: [String], mentions: String) throws {
        let result = try AntreanProcess.run(["schedule", "--citizens", "12", "--intervals", "12"] + extra)
        #expect(result.status == 64)
        #expect(result.standardError.contains(mentions), "\(result.standardError)")
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
