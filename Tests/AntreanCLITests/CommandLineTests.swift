import Foundation
import Testing

/// The command line explains itself: real reasons, suggestions and one exit-status scheme
/// (64 usage, 65 bad input data, 66 unreadable input; `antrean help` lists them).
@Suite("antrean command line")
struct CommandLineTests {
    @Test func negativeCountsGetTheRealReason() throws {
        for (option, value) in [("--replications", "-1"), ("--threads", "-3")] {
            let result = try AntreanProcess.run(["simulate", "Simulations/validation/mm1.yaml", option, value])
            #expect(result.status == 64)
            #expect(
                result.standardError.contains("\(option) must be at least 1, got \(value)"), "\(result.standardError)")
        }
    }

    @Test func aMisspeltCommandGetsASuggestion() throws {
        for arguments in [["simulat", "Simulations/validation/mm1.yaml"], ["help", "simulat"]] {
            let result = try AntreanProcess.run(arguments)
            #expect(result.status == 64)
            #expect(result.standardError.contains("did you mean 'simulate'?"), "\(result.standardError)")
        }
        let help = try AntreanProcess.run(["help", "simulate"])
        #expect(help.status == 0 && help.standardOutput.contains("--quantiles"))
    }

    @Test func exitStatusesFollowOneScheme() throws {
        let usage = try AntreanProcess.run(["simulate", "Simulations/validation/mm1.yaml", "--no-such-option"])
        #expect(usage.status == 64)
        let unitless = try AntreanProcess.run(["plan", "Simulations/validation/mm5.yaml", "--target", "p90 wait <= 15"])
        #expect(unitless.status == 64)
        #expect(unitless.standardError.contains("\"15\" has no unit"), "\(unitless.standardError)")
        let missing = try AntreanProcess.run(["simulate", "Simulations/no-such-scenario.yaml"])
        #expect(missing.status == 66)
        let unwritable = try AntreanProcess.run([
            "simulate", "Simulations/validation/mm1.yaml", "--arrivals", "100", "--replications", "1", "--output",
            "/no-such-folder/report.txt",
        ])
        #expect(unwritable.status == 73 && unwritable.standardError.contains("/no-such-folder/report.txt"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yaml")
        try Data("run: { arrivals: 100 }\nqueues:\n  main: { countres: 2, arrivals: 1/min, service: exp(1m) }\n".utf8)
            .write(to: bad)
        for command in ["simulate", "validate"] {
            let result = try AntreanProcess.run([command, bad.path])
            #expect(result.status == 65, "\(command): \(result.standardError)")
            #expect(result.standardError.contains("countres"))
        }
        let help = try AntreanProcess.run(["help"])
        for line in ["64  usage", "65  bad input data", "66  an input file"] {
            #expect(help.standardOutput.contains(line), "\(line)")
        }
    }

    /// One replication: no ±0 and no verdict against a 95% interval that does not exist.
    @Test func oneReplicationSaysThereIsNoInterval() throws {
        let result = try AntreanProcess.run([
            "simulate", "Simulations/validation/mm5.yaml", "--arrivals", "5000", "--replications", "1",
        ])
        #expect(result.status == 0)
        #expect(!result.standardOutput.contains("±0.000") && !result.standardOutput.contains("OUTSIDE"))
        #expect(result.standardOutput.contains("One replication: no confidence interval"))
    }

    /// `--quantiles 80,95` adds p80 and p95, in order with the p50/p90/p99 always reported.
    @Test func simulateReportsQuantilesOnRequest() throws {
        let json = try SimulateCommandTests.json([
            "Simulations/validation/mm5.yaml", "--arrivals", "20000", "--replications", "2", "--quantiles", "80,95",
        ])
        let wait = try #require((json["overall"] as? [String: Any])?["wait_minutes"] as? [String: Any])
        let p80 = try #require(wait["p80"] as? Double)
        let p90 = try #require(wait["p90"] as? Double)
        let p95 = try #require(wait["p95"] as? Double)
        #expect(p80 < p90 && p90 < p95)
        let table = try AntreanProcess.run([
            "simulate", "Simulations/validation/mm5.yaml", "--arrivals", "5000", "--replications", "2",
            "--quantiles", "p99.9",
        ])
        #expect(table.standardOutput.contains("p99.9"))
        let bad = try AntreanProcess.run(["simulate", "Simulations/validation/mm5.yaml", "--quantiles", "100"])
        #expect(bad.status == 64 && bad.standardError.contains("--quantiles"))
    }

    /// The city reports a requested percentile at every scope, like the queues.
    @Test func cityReportsQuantilesOnRequest() throws {
        let json = try SimulateCommandTests.json([
            "Simulations/samarinda.yaml", "--days", "1", "--param", "run.warm_up_days=1", "--replications", "1",
            "--quantiles", "80",
        ])
        let wait = try #require((json["overall"] as? [String: Any])?["wait_minutes"] as? [String: Any])
        let p80 = try #require(wait["p80"] as? Double)
        let p90 = try #require(wait["p90"] as? Double)
        #expect(p80 <= p90)
    }

    /// Hour blocks list only the hours an office is open.
    @Test func hourBlocksSkipClosedHours() throws {
        let result = try AntreanProcess.run([
            "plan", "Simulations/samarinda.yaml", "--target", "p90 wait <= 15m", "--by", "office,weekday,hour-block",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let rows = try #require(json?["rows"] as? [[String: Any]])
        #expect(rows.count > 100)
        for row in rows {
            #expect((row["arrivals_per_hour"] as? Double ?? 0) > 0, "\(row)")
            // Monday to Thursday 08:00-16:00, Friday 08:00-14:00 (samarinda.yaml).
            let closing = (row["unit"] as? String ?? "").hasSuffix(".fri") ? 14 : 16
            #expect((8..<closing).contains(row["hour"] as? Int ?? -1), "\(row)")
        }
    }

    @Test func compareReadsAnyQuantile() throws {
        let result = try AntreanProcess.run([
            "compare", "Simulations/validation/mm5.yaml", "--variant", "5:queues.counters.counters=5",
            "--variant", "6:queues.counters.counters=6", "--param", "run.arrivals=5000", "--replications", "3",
            "--quantiles", "95", "--metrics",
            "overall.wait_minutes.p95",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("overall.wait_minutes.p95"))
    }

    /// A "within" target reads its own threshold: 15 s, though mm5.yaml's run.wait_target differs.
    @Test func planPrintsTheTargetAsWritten() throws {
        let result = try AntreanProcess.run([
            "plan", "Simulations/validation/mm5.yaml", "--target", "within 15s >= 80%", "--param",
            "run.arrivals=20000", "--replications", "4", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(json?["target"] as? String == "within 15s >= 80%")
        // Erlang C: 6 counters let 76% wait ≤ 15 s, 7 let 93%.
        #expect((json?["counters"] as? [String: Int])?["counters"] == 7)
    }

    /// Shards count from 1 on the command line, and 1/2 + 2/2 merge to the unsharded numbers.
    @Test func shardsCountFromOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = [
            "sweep", "Simulations/validation/mm5.yaml", "--param", "queues.counters.counters=5,6", "--set",
            "run.arrivals=2000", "--replications", "3",
        ]
        for shard in ["1/2", "2/2"] {
            let result = try AntreanProcess.run(
                common + ["--shard", shard, "--out", folder.appendingPathComponent("sharded").path])
            #expect(result.status == 0, "\(shard): \(result.standardError)")
        }
        let whole = try AntreanProcess.run(common + ["--out", folder.appendingPathComponent("whole").path])
        #expect(whole.status == 0)
        let sharded = try AntreanProcess.run([
            "merge", folder.appendingPathComponent("sharded").path, "--format", "json",
        ])
        let unsharded = try AntreanProcess.run([
            "merge", folder.appendingPathComponent("whole").path, "--format", "json",
        ])
        #expect(sharded.status == 0 && sharded.standardOutput == unsharded.standardOutput)
        let zero = try AntreanProcess.run(common + ["--shard", "0/2", "--out", folder.path])
        #expect(zero.status == 64 && zero.standardError.contains("shards count from 1"))
    }
}
