import FuzzSupport

/// Fuzzes the availability query reader of `antrean serve`'s fast paths (`AvailabilityParameters`, which
/// reads the text after `?` of every `GET /v1/availability` before the generated code sees it), with the
/// input as that text. The file is compiled here as it is (a symbolic link), without the HTTP stack.
/// Beyond not trapping:
/// - it takes exactly what a plain reading of the rule takes (`plainReading`: split on `&` and `=`, names
///   known and given once, values plain), and reads the same values;
/// - what it takes, written back in a fixed order, reads back the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAvailabilityQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // A request target reaches the reader as a String (HTTP's decoder has made it one).
    let query = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let read = AvailabilityParameters(query: query[...])
    let expected = plainReading(query)
    guard read == expected else {
        fuzzFailure(
            "\(query.debugDescription) reads as \(String(describing: read)), a plain reading gives"
                + " \(String(describing: expected))")
    }
    guard let read else { return 0 }
    let written = written(read)
    guard AvailabilityParameters(query: written[...]) == read else {
        fuzzFailure("\(query.debugDescription) written back as \(written.debugDescription) reads differently")
    }
    return 0
}

/// The rule read the slow, obvious way: pairs split on `&`, each `name=value` split at its first `=`.
private func plainReading(_ query: String) -> AvailabilityParameters? {
    var parameters = AvailabilityParameters()
    guard !query.isEmpty else { return parameters }
    var names: Set<String> = []
    for pair in query.split(separator: "&", omittingEmptySubsequences: false) {
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let name = String(pair[..<equals])
        let value = String(pair[pair.index(after: equals)...])
        guard !value.isEmpty, value.utf8.allSatisfy(PlainBytes.contains), names.insert(name).inserted else {
            return nil
        }
        switch name {
        case "service": parameters.service = value
        case "office": parameters.office = value
        case "kecamatan": parameters.kecamatan = value
        case "date": parameters.date = value
        case "priority":
            guard value == "true" || value == "false" else { return nil }
            parameters.priority = value == "true"
        case "limit":
            guard value.count <= 3, value.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            parameters.limit = Int(value)
        default: return nil
        }
    }
    return parameters
}

private func written(_ parameters: AvailabilityParameters) -> String {
    var pairs: [String] = []
    if let office = parameters.office { pairs.append("office=\(office)") }
    if let limit = parameters.limit { pairs.append("limit=\(limit)") }
    if let service = parameters.service { pairs.append("service=\(service)") }
    if let priority = parameters.priority { pairs.append("priority=\(priority)") }
    if let date = parameters.date { pairs.append("date=\(date)") }
    if let kecamatan = parameters.kecamatan { pairs.append("kecamatan=\(kecamatan)") }
    return pairs.joined(separator: "&")
}

@_cdecl("FuzzAvailabilityQuery_main")
public func fuzzAvailabilityQueryMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> Int32 {
    runFuzzer(argc, argv) { fuzzAvailabilityQuery($0, $1) }
}
