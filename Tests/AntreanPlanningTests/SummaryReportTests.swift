import AntreanEngine
import AntreanPlanning
import Foundation
import Testing

@Suite("Summary report views: JSON, CSV")
struct SummaryReportTests {
    static let samples = [
        MetricSample(["overall.wait_minutes": 1.0, "overall.wait_minutes.p90": 3.0, "queues.a,b.served": 10]),
        MetricSample(["overall.wait_minutes": 2.0, "overall.wait_minutes.p90": 5.0, "queues.a,b.served": 12]),
        MetricSample(["overall.wait_minutes": 3.0, "overall.wait_minutes.p90": 4.0, "queues.a,b.served": 14]),
    ]

    static let report = SummaryReport(
        title: "t", model: "queues", file: "f.yaml", seed: 9, samples: samples,
        theory: ["overall.wait_minutes": 2.5])

    @Test func jsonNestsMetricsByTheirDots() throws {
        let json = try JSONSerialization.jsonObject(with: Data(Self.report.jsonText().utf8)) as! [String: Any]
        let overall = json["overall"] as! [String: Any]
        let wait = overall["wait_minutes"] as! [String: Any]
        #expect(wait["mean"] as? Double == 2.0)
        // t(0.975, 2) = 4.302653; sd = 1; half-width = 4.302653 / sqrt(3).
        let ci = wait["ci95"] as! [Double]
        #expect(ci.count == 2)
        #expect(abs(ci[1] - (2 + 4.302653 / 3.0.squareRoot())) < 1e-5)
        #expect(wait["p90"] as? Double == 4.0)
        #expect((wait["p90_ci95"] as? [Double])?.count == 2)
        #expect(wait["theory"] as? Double == 2.5)
        let run = json["run"] as! [String: Any]
        #expect(run["seed"] as? Int == 9)
        #expect(run["replications"] as? Int == 3)
    }

    @Test func jsonIsTheSameForTheSameSamples() {
        let again = SummaryReport(
            title: "t", model: "queues", file: "f.yaml", seed: 9, samples: Self.samples,
            theory: ["overall.wait_minutes": 2.5])
        #expect(again.jsonText() == Self.report.jsonText())
    }

    @Test func csvHasOneQuotedRowPerMetric() {
        let lines = Self.report.csvText().split(separator: "\n")
        #expect(lines.first == "metric,mean,ci95_low,ci95_high,sd,replications,theory")
        #expect(lines.count == 4)
        #expect(lines.contains { $0.hasPrefix("\"queues.a,b.served\",12.0,") })
        #expect(lines.contains { $0.hasPrefix("overall.wait_minutes,2.0,") && $0.hasSuffix(",1.0,3,2.5") })
    }

    @Test func missingValuesBecomeNullNotNaN() throws {
        let report = SummaryReport(
            title: "t", model: "queues", file: "f", seed: 1, samples: [MetricSample(["x.wait_minutes": .nan])])
        let text = report.jsonText()
        #expect(!text.contains("nan"))
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let wait = (json["x"] as! [String: Any])["wait_minutes"] as! [String: Any]
        #expect(wait["mean"] is NSNull)
    }
}
