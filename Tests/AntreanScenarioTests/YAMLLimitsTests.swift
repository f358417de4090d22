import AntreanScenario
import Foundation
import Testing

/// Issue 16, items 6 and 9: hostile or mistaken files are refused quickly, with bounded memory, and
/// every error says what is wrong, where and how to fix it.
@Suite("YAML limits: aliases, includes, sizes, encodings, file kinds")
struct YAMLLimitsTests {
    /// The classic "billion laughs": nine levels of ten aliases, 10^9 strings once expanded.
    static let billionLaughs: String = {
        var lines = ["a0: &a0 \"lol\""]
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",")
            lines.append("a\(level): &a\(level) [\(previous)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func billionLaughsIsRefusedAtItsFirstAnchor() throws {
        #expect(Self.billionLaughs.utf8.count < 600)
        let error = try #require(scenarioError { try loadScenario(Self.billionLaughs, file: "laughs.yaml") })
        #expect(error.file == "laughs.yaml" && error.line == 1, "\(error)")
        #expect(error.message.contains("anchors (&a0)"), "\(error)")
        #expect(error.message.contains("include:"))
    }

    @Test func anAliasAloneIsRefusedAtItsLine() throws {
        let error = try #require(scenarioError { try loadScenario("name: x\nrun: *nowhere\n") })
        #expect(error.line == 2 && error.message.contains("aliases (*nowhere)"), "\(error)")
    }

    @Test func deepNestingIsRefusedBeforeTheComposerRecurses() throws {
        let depth = 500
        let text = "name: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let error = try #require(scenarioError { try loadScenario(text) })
        #expect(error.message.contains("nested more than 64 levels"), "\(error)")
    }

    /// 26 files, each including the next twice: 2^25 reads if includes were re-read, 26 here.
    @Test func aDiamondOfIncludesReadsEachFileOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("f25.yaml", queueScenario())
        for index in 0..<25 {
            try folder.write(
                "f\(index).yaml",
                "include: [f\(index + 1).yaml, ./f\(index + 1).yaml]\nname: level \(index)\n")
        }
        let document = try ScenarioDocument.load(path: folder.path("f0.yaml"))
        #expect(document.filesRead.count == 26)
        guard case .queues(let scenario) = try Scenario.decode(document) else {
            Issue.record("expected queues")
            return
        }
        #expect(scenario.name == "level 0")
    }

    @Test func includesNestAtMost32Deep() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("f40.yaml", queueScenario())
        for index in 0..<40 { try folder.write("f\(index).yaml", "include: f\(index + 1).yaml\n") }
        let error = try #require(scenarioError { try Scenario.load(path: folder.path("f0.yaml")) })
        #expect(error.message.contains("more than 32 files deep"), "\(error)")
        #expect(error.field == "include" && error.line == 1)
    }

    @Test func anIncludeCycleNamesItsFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.yaml", "include: b.yaml\n")
        try folder.write("b.yaml", "name: b\ninclude: a.yaml\n")
        let error = try #require(scenarioError { try Scenario.load(path: folder.path("a.yaml")) })
        #expect(error.file.hasSuffix("b.yaml") && error.line == 2, "\(error)")
        #expect(error.message.contains("include cycle") && error.message.contains("a.yaml → "), "\(error)")
    }

    @Test func aFileOverTenMegabytesIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let padding = "# " + String(repeating: "x", count: 1_000) + "\n"
        let text =
            queueScenario() + String(repeating: padding, count: ScenarioFile.maximumBytes / padding.utf8.count + 1)
        let path = try folder.write("big.yaml", text)
        let error = try #require(scenarioError { try Scenario.load(path: path) })
        #expect(error.message.contains("at most \(ScenarioFile.maximumBytes)"), "\(error)")
        #expect(error.kind == .invalid)
    }

    @Test func invalidUTF8IsLocatedByLineAndByte() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = Array("name: test\nrun:\n  seed: 1".utf8)
        let offset = bytes.count
        bytes += [0xFF, 0x0A]
        let path = try folder.write("latin.yaml", bytes: bytes)
        let error = try #require(scenarioError { try Scenario.load(path: path) })
        #expect(error.file == path && error.line == 3 && error.location.column == 10, "\(error)")
        #expect(error.message.contains("byte \(offset) (0xFF) is not UTF-8"), "\(error)")
        #expect(error.message.contains("save the file as UTF-8"))
    }

    /// libyaml reports these with a byte offset only; the error names the line and column.
    @Test func aControlCharacterIsLocatedByLineAndColumn() throws {
        let error = try #require(scenarioError { try loadScenario("name: x\nrun: a\u{0}b\n") })
        #expect(error.line == 2 && error.location.column == 7, "\(error)")
        #expect(error.message.contains("control characters are not allowed (character code 0 at byte 14)"), "\(error)")
    }

    @Test func aNumberTooLargeSaysItsRange() throws {
        let error = try #require(
            scenarioError { try loadScenario(queueScenario(run: "arrivals: 99999999999999999999")) })
        #expect(error.field == "run.arrivals", "\(error)")
        #expect(error.message.contains("is out of range; expected a whole number from 1 to \(Int.max)"), "\(error)")
    }

    /// Setting a path recurses per part: 20,000 parts overflowed the stack (exit 139).
    @Test func anOverrideWithTooManyPartsIsRefused() throws {
        let path = Array(repeating: "a", count: 20_000).joined(separator: ".")
        let error = try #require(
            scenarioError {
                try Scenario.load(yaml: Array(queueScenario().utf8), file: "t.yaml", overrides: ["\(path)=1"])
            })
        #expect(error.message.contains("at most 64 parts, this has 20000"), "\(error)")
    }

    @Test func aDirectoryIsNamedAsOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let error = try #require(scenarioError { try Scenario.load(path: folder.url.path) })
        #expect(error.kind == .unreadable && error.message.contains("is a directory"), "\(error)")
    }

    @Test func anIncludeNamingADirectoryIsLocatedAtTheInclude() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("shared"), withIntermediateDirectories: true)
        let path = try folder.write("main.yaml", "name: x\ninclude: shared\n")
        let error = try #require(scenarioError { try Scenario.load(path: path) })
        #expect(error.file == path && error.line == 2 && error.field == "include", "\(error)")
        #expect(error.message.contains("is a directory; name a scenario file"), "\(error)")
    }

    @Test func aDeviceIsNotAScenario() throws {
        let error = try #require(scenarioError { try Scenario.load(path: "/dev/zero") })
        #expect(error.kind == .unreadable && error.message.contains("not a regular file"), "\(error)")
    }

    @Test func aMissingFileIsUnreadable() throws {
        let error = try #require(scenarioError { try Scenario.load(path: "/nonexistent/antrean.yaml") })
        #expect(error.kind == .unreadable && error.message.contains("no such file"), "\(error)")
    }
}
