import Testing

@testable import AntreanPlanning

@Suite struct ProgressReporterTests {
    @Test func quietInCI() {
        #expect(!ProgressReporter.shouldDraw(environment: ["CI": "true"]))
        #expect(!ProgressReporter.shouldDraw(environment: ["ANTREAN_NO_PROGRESS": "1"]))
        // The test runner's standard error is not a terminal under `swift test` in CI or pipes.
        #expect(!ProgressReporter(total: 3, label: "x", enabled: false).isEnabled)
    }

    @Test func etaFollowsThePaceSoFar() {
        let progress = ProgressReporter(total: 4, label: "replications", enabled: false)
        progress.advance()
        // One of four done in 10 s: three more take 30 s.
        #expect(progress.line(elapsed: 10).hasSuffix("1/4  ETA 0:30"))
        #expect(ProgressReporter.clock(3725) == "1:02:05")
    }
}
