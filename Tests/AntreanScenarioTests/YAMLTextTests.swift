import AntreanScenario
import Testing

/// What Antrean writes into YAML (fitted fragments, rosters, templates) reads back as written.
@Suite("YAML text: written scalars and keys read back as themselves")
struct YAMLTextTests {
    static let texts = [
        "ktp", "kec_palaran", "a-b.c/d", "café", "e\u{301}", "yes", "No", "null", "~", "", "12", "1e3", "a: b",
        "#x", "- x", "[x]", "{x}", "x # y", "'q'", "\"dq\"", "back\\slash", "tab\there", "nul\u{0}", "del\u{7F}",
        "nel\u{85}x", "ls\u{2028}x", "ps\u{2029}x", "\u{FEFF}bom", "bom\u{FEFF}", "\u{FFFE}", "esc\u{1B}[1m",
        "emoji 🙂", " lead", "trail ", "line\nbreak", "cr\rx", String(repeating: "k", count: 1500),
        String(repeating: "\u{0}", count: 300),
    ]

    @Test(arguments: texts)
    func aScalarReadsBackAsItself(text: String) throws {
        let document = try ScenarioDocument.parse(yaml: "v: \(YAMLText.scalar(text))\n", file: "t.yaml")
        guard case .mapping(let entries, _) = document.root, let value = entries.first?.value else {
            Issue.record("no mapping")
            return
        }
        switch value {
        case .scalar(let read, _): #expect(read == text)
        case .null: #expect(Bool(false), "\(text.debugDescription) read as null")
        default: Issue.record("\(text.debugDescription) read as \(value)")
        }
    }

    @Test(arguments: texts)
    func aKeyReadsBackAsItself(text: String) throws {
        let lines = YAMLText.keyLines(text, indent: "  ") + ["    x: 1"]
        let document = try ScenarioDocument.parse(yaml: "m:\n" + lines.joined(separator: "\n") + "\n", file: "t.yaml")
        guard case .mapping(let entries, _) = document.root, case .mapping(let inner, _)? = entries.first?.value
        else {
            Issue.record("no nested mapping")
            return
        }
        #expect(inner.map(\.key) == [text])
    }
}
