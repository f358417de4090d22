/// The paths of the OpenAPI document and the methods each allows, read from the served document itself
/// so they cannot drift from it. The router answers an unrouted request with 404; this tells the edge
/// middleware when the path exists but the method does not, which RFC 9110 §15.5.6 answers with 405
/// and an `Allow` header.
struct DocumentedRoutes: Sendable {
    struct Route: Sendable {
        /// Path segments; `nil` stands for a `{parameter}` that matches any one segment.
        var segments: [String?]
        var methods: [String]
    }

    let routes: [Route]

    static let served = DocumentedRoutes(document: openAPIDocumentText)

    /// Reads the `paths:` section: a path is a key indented by two spaces, a method a key indented by
    /// four below it. O(lines of the document), once.
    init(document: String) {
        let methodNames: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var found: [Route] = []
        var inPaths = false
        for line in document.split(separator: "\n", omittingEmptySubsequences: true) {
            if !line.hasPrefix(" ") {
                inPaths = line == "paths:"
                continue
            }
            guard inPaths, line.hasSuffix(":") else { continue }
            let key = line.drop { $0 == " " }.dropLast()
            let indent = line.count - line.drop { $0 == " " }.count
            if indent == 2, key.hasPrefix("/") {
                let segments = key.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
                    $0.hasPrefix("{") && $0.hasSuffix("}") ? nil : String($0)
                }
                found.append(Route(segments: Array(segments), methods: []))
            } else if indent == 4, methodNames.contains(String(key)), !found.isEmpty {
                found[found.count - 1].methods.append(key.uppercased())
            }
        }
        routes = found
    }

    /// The methods the document allows on `path` (without its query), or nil for a path it does not
    /// have. O(routes × segments).
    func allowedMethods(path: String) -> [String]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for route in routes where route.segments.count == segments.count {
            let matches = zip(route.segments, segments).allSatisfy { template, segment in
                template.map { $0 == segment } ?? !segment.isEmpty
            }
            if matches { return route.methods }
        }
        return nil
    }
}
