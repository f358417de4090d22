import AntreanAllocator
import AntreanReplay
import Foundation
import Testing

/// `JSONLocator` finds the line of a field in a JSON text: checked against the text's own lines (a marker
/// value put at the field), on hand-written cases with strings that look like JSON, and on malformed or
/// very deep input, which must end the walk, never trap.
@Suite("JSON locator")
struct JSONLocatorTests {
    @Test func componentsOfAFieldPath() {
        #expect(
            JSONLocator.components(of: "appointmentTemplates[0].places")
                == [.key("appointmentTemplates"), .index(0), .key("places")])
        #expect(
            JSONLocator.components(of: "offices[3].services[12]") == [
                .key("offices"), .index(3), .key("services"), .index(12),
            ])
        #expect(JSONLocator.components(of: "rules") == [.key("rules")])
        #expect(JSONLocator.components(of: "a[x]") == nil)
        #expect(JSONLocator.components(of: "a[1") == nil)
        #expect(JSONLocator.components(of: ".a") == nil)
    }

    @Test func handWrittenCases() {
        let text = """
            {"name": "a \\"quoted\\" [not, an, array] {nor: object}",
             "list": [1, {"x": "}"},
                      [2, 3],
               {"places": [6, 6],
                "target": true}],
             "target": null, "last": {"deep": {"deeper": [0, 1, "two"]}}
            }
            """
        let bytes = Array(text.utf8)
        func at(_ path: [JSONLocator.Component]) -> (Int, Int) {
            let found = JSONLocator.position(of: path, in: bytes)
            return (found.line, found.column)
        }
        #expect(at([.key("list"), .index(3), .key("target")]) == (5, 15))
        #expect(at([.key("list"), .index(2), .index(1)]) == (3, 15))
        #expect(at([.key("target")]) == (6, 12))
        #expect(at([.key("last"), .key("deep"), .key("deeper"), .index(2)]) == (6, 53))
        // Paths that lead nowhere stop at the deepest value found on the way.
        #expect(at([.key("list"), .index(9)]) == (2, 10))
        #expect(at([.key("missing")]) == (1, 1))
        #expect(at([.key("name"), .index(0)]) == (1, 10))
        #expect(at([]) == (1, 1))
    }

    @Test func malformedAndDeepInputEndsTheWalk() {
        for text in ["", "{", "[", "{\"a\":", "{\"a\" 1}", "[1,,2]", "\"unterminated", "{\"a\":[1,2", "}", "nul"] {
            _ = JSONLocator.position(of: [.key("a"), .index(1)], in: Array(text.utf8))
        }
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        _ = JSONLocator.position(of: Array(repeating: .index(0), count: 100_000), in: deep)
        let deepObjects = Array(String(repeating: "{\"a\":", count: 50_000).utf8)
        let found = JSONLocator.position(of: Array(repeating: .key("a"), count: 50_000), in: deepObjects)
        #expect(found.line == 1 && found.column == 1 + 5 * JSONLocator.maxDepth)
    }

    /// Random documents, pretty-printed: a marker string put at a random path is on the line and column
    /// the locator gives for that path.
    @Test func theLineOfAMarkerPutAtRandomPaths() throws {
        var random = SplitMix64(seed: 20_261_206)
        var checked = 0
        for round in 0..<600 {
            var document = Self.randomValue(depth: 0, random: &random)
            guard let path = Self.randomPath(in: document, random: &random), !path.isEmpty else { continue }
            let marker = "MARKER-\(round)"
            document = Self.replacing(document, at: path[...], with: marker)
            let options: JSONSerialization.WritingOptions =
                round % 2 == 0 ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
            let data = try JSONSerialization.data(withJSONObject: document, options: options)
            let text = String(decoding: data, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLine = try #require(lines.firstIndex { $0.contains("\"\(marker)\"") }) + 1
            let expectedColumn = try #require(lines[expectedLine - 1].utf8.firstRange(of: Array("\"\(marker)\"".utf8)))
                .lowerBound
            let column =
                lines[expectedLine - 1].utf8.distance(from: lines[expectedLine - 1].utf8.startIndex, to: expectedColumn)
                + 1
            let found = JSONLocator.position(of: path, in: Array(data))
            #expect(found.line == expectedLine && found.column == column, "round \(round): \(path) in \(text)")
            checked += path.count > 1 ? 1 : 0
        }
        #expect(checked >= 100, "only \(checked) nested paths were checked")
    }

    static func randomValue(depth: Int, random: inout SplitMix64) -> Any {
        // Containers at the top and more often than leaves below, so that most paths are nested.
        let kind = depth == 0 ? 4 : depth >= 5 ? Int(random.next() % 3) : Int(random.next() % 7)
        switch kind {
        case 0: return Int(random.next() % 1000)
        case 1: return ["text", "with \"quotes\" and ] } , :", "ünï", "a\\b"][Int(random.next() % 4)]
        case 2: return random.next() % 2 == 0
        case 3, 5:
            return (0..<Int(random.next() % 4)).map { _ in randomValue(depth: depth + 1, random: &random) }
        default:
            var object: [String: Any] = [:]
            for index in 0..<Int(1 + random.next() % 4) {
                object[["places", "office", "a b", "x\"y", "k\(index)"][Int(random.next() % 5)] + "\(index)"] =
                    randomValue(depth: depth + 1, random: &random)
            }
            return object
        }
    }

    static func randomPath(in value: Any, random: inout SplitMix64) -> [JSONLocator.Component]? {
        var path: [JSONLocator.Component] = []
        var current = value
        while random.next() % 6 != 0 {
            if let array = current as? [Any], !array.isEmpty {
                let index = Int(random.next() % UInt64(array.count))
                path.append(.index(index))
                current = array[index]
            } else if let object = current as? [String: Any], !object.isEmpty {
                let keys = object.keys.sorted()
                let key = keys[Int(random.next() % UInt64(keys.count))]
                path.append(.key(key))
                current = object[key] as Any
            } else {
                break
            }
        }
        return path
    }

    static func replacing(_ value: Any, at path: ArraySlice<JSONLocator.Component>, with marker: String) -> Any {
        guard let step = path.first else { return marker }
        switch step {
        case .index(let index):
            var array = value as? [Any] ?? []
            array[index] = replacing(array[index], at: path.dropFirst(), with: marker)
            return array
        case .key(let key):
            var object = value as? [String: Any] ?? [:]
            object[key] = replacing(object[key] as Any, at: path.dropFirst(), with: marker)
            return object
        }
    }
}
