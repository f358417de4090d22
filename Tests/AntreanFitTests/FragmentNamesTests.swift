import AntreanScenario
import Foundation
import Testing

@testable import AntreanFit

/// A log's service names are any bytes; the fragment a fit writes must still load, with each service
/// under its own name (found by FuzzFitLog: a NUL in a name went raw into the YAML, which the loader
/// refuses; Fuzz/Regressions/FuzzFitLog/service-name-with-nul-breaks-fragment.csv; and a name starting
/// with U+FEFF lost it on the way back, in Yams; …/service-name-starting-with-bom-lost-in-fragment.csv;
/// a key longer than 1024 characters is no implicit key for libyaml; …/service-name-longer-than-a-yaml-key.csv).
@Suite("service names in the scenario fragment")
struct FragmentNamesTests {
    @Test func namesWithControlCharactersAndLineSeparatorsLoadAsThemselves() throws {
        let names = [
            "c\u{0}x", "tab\there", "esc\u{1B}[31m", "line\u{2028}sep", "bom\u{FEFF}", "\u{FEFF}lead", "\u{FEFF}",
            "back\\slash", "kk",
            String(repeating: "\u{0}", count: 300), String(repeating: "k", count: 1500),
        ]
        var log = "office,service,arrival_time,service_start,service_end,outcome\n"
        for name in names {
            let field = "\"" + name + "\""
            log += "a,\(field),2026-11-23T08:00,2026-11-23T08:01,2026-11-23T08:11,served\n"
        }
        let fit = try LogFit.fit(contents: Array(log.utf8), name: "log.csv")
        #expect(fit.serviceTimes.map(\.service) == names)
        #expect(try Self.fragmentServices(fit) == names)
    }

    /// Spellings Swift reads as one text are one service: "é" precomposed and decomposed, and two
    /// different invalid bytes (each read as U+FFFD). As bytes they made two services under one key,
    /// and the fragment did not load (found by FuzzFitLog: "this key appears twice in one mapping").
    @Test func spellingsOfOneTextAreOneService() throws {
        var log = Array("office,service,arrival_time,service_start,service_end,outcome\n".utf8)
        let spellings: [[UInt8]] = [
            Array("caf\u{E9}".utf8), Array("cafe\u{301}".utf8), [0x78, 0xFF], [0x78, 0xC3], Array("kk".utf8),
        ]
        for (minutes, name) in zip([10, 12, 14, 16, 18], spellings) {
            log += Array("a,".utf8) + name
            log += Array(",2026-11-23T08:00,2026-11-23T08:01,2026-11-23T08:\(String(minutes + 1)),served\n".utf8)
        }
        let fit = try LogFit.fit(contents: log, name: "log.csv")
        #expect(fit.serviceTimes.map(\.service) == ["caf\u{E9}", "x\u{FFFD}", "kk"])
        #expect(fit.serviceTimes.map(\.fit.sample.count) == [2, 2, 1])
        #expect(try Self.fragmentServices(fit) == fit.serviceTimes.map(\.service))
    }

    /// The keys of the `services` mapping of the fragment `fit` writes, read back by the scenario loader.
    static func fragmentServices(_ fit: LogFit) throws -> [String] {
        let fragment = ScenarioFragment.text(fit, arrivalsFile: nil)
        let document = try ScenarioDocument.parse(yaml: fragment, file: "fitted.yaml")
        guard case .mapping(let entries, _) = document.root,
            case .mapping(let services, _)? = entries.first(where: { $0.key == "services" })?.value
        else {
            Issue.record("no services mapping in\n\(fragment)")
            return []
        }
        return services.map(\.key)
    }
}
