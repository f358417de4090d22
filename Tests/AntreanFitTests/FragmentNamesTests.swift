import AntreanScenario
import Foundation
import Testing

@testable import AntreanFit

/// A log's service names are any bytes; the fragment a fit writes must still load, with each service
/// under its own name (found by FuzzFitLog: a NUL in a name went raw into the YAML, which the loader
/// refuses; Fuzz/Regressions/FuzzFitLog/service-name-with-nul-breaks-fragment.csv; and a name starting
/// with U+FEFF lost it on the way back, in Yams; …/service-name-starting-with-bom-lost-in-fragment.csv).
@Suite("service names in the scenario fragment")
struct FragmentNamesTests {
    @Test func namesWithControlCharactersAndLineSeparatorsLoadAsThemselves() throws {
        let names = [
            "c\u{0}x", "tab\there", "esc\u{1B}[31m", "line\u{2028}sep", "bom\u{FEFF}", "\u{FEFF}lead", "\u{FEFF}",
            "back\\slash", "kk",
        ]
        var log = "office,service,arrival_time,service_start,service_end,outcome\n"
        for name in names {
            let field = "\"" + name + "\""
            log += "a,\(field),2026-11-23T08:00,2026-11-23T08:01,2026-11-23T08:11,served\n"
        }
        let fit = try LogFit.fit(contents: Array(log.utf8), name: "log.csv")
        #expect(fit.serviceTimes.map(\.service) == names)
        let fragment = ScenarioFragment.text(fit, arrivalsFile: nil)
        let document = try ScenarioDocument.parse(yaml: fragment, file: "fitted.yaml")
        guard case .mapping(let entries, _) = document.root,
            case .mapping(let services, _)? = entries.first(where: { $0.key == "services" })?.value
        else {
            Issue.record("no services mapping in\n\(fragment)")
            return
        }
        #expect(services.map(\.key) == names)
    }
}
