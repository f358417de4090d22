import AntreanCity
import AntreanScenario
import FuzzSupport

/// Fuzzes the YAML scenario loader on in-memory text, down to what `antrean validate` checks: parse
/// (libyaml's events into the loader's tree), decode by model, and for a city the simulation's own validation
/// (`CitySimulation.init`). Every outcome is a scenario or a `ScenarioError`/`CityModelError`, never a
/// trap; includes are not followed (the text names no file the fuzzer controls). The same bytes go
/// through the parser of a template's places file (`rule: file`), which must refuse or read them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    _ = try? PlacesFile.parse(Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.txt", field: "file")
    guard let document = try? ScenarioDocument.parse(yaml: text, file: "fuzz.yaml"),
        let scenario = try? Scenario.decode(document)
    else { return 0 }
    if case .city(let city) = scenario {
        _ = try? CitySimulation(city.model)
    }
    return 0
}

@_cdecl("FuzzScenario_main")
public func fuzzScenarioMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { fuzzScenario($0, $1) }
}
