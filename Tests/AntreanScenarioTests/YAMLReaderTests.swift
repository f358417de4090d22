import AntreanScenario
import Testing

/// The YAML reader gives each value exactly as written, and refuses what a scenario cannot be, at its line.
@Suite("YAML reader: values as written, refusals located")
struct YAMLReaderTests {
    private func parse(_ text: String) throws(ScenarioError) -> ScenarioValue {
        try ScenarioDocument.parse(yaml: text, file: "t.yaml").root
    }

    /// Yams dropped a leading U+FEFF from every scalar (Foundation's `String(bytes:encoding:)`), so a
    /// fitted service named "\u{FEFF}x" came back as "x" (found by FuzzFitLog).
    @Test func aLeadingByteOrderMarkIsKeptInKeysAndValues() throws {
        let root = try parse("\"\\uFEFFkey\": \"\\uFEFFvalue\"\nplain: \u{FEFF}x\n")
        guard case .mapping(let entries, _) = root else {
            Issue.record("expected a mapping, got \(root)")
            return
        }
        #expect(entries.map(\.key) == ["\u{FEFF}key", "plain"])
        #expect(
            entries.map(\.value) == [
                .scalar("\u{FEFF}value", entries[0].value.location), .scalar("\u{FEFF}x", entries[1].value.location),
            ])
    }

    @Test func nullsAreThePlainSpellingsOnly() throws {
        guard case .mapping(let entries, _) = try parse("a: ~\nb: null\nc:\nd: 'null'\ne: \"\"\n") else {
            Issue.record("expected a mapping")
            return
        }
        let nulls = entries.map { if case .null = $0.value { true } else { false } }
        #expect(nulls == [true, true, true, false, false])
    }

    @Test func anEmptyOrCommentOnlyTextIsNull() throws {
        for text in ["", "# nothing\n", "---\n"] {
            guard case .null = try parse(text) else {
                Issue.record("\(text.debugDescription) should read as null")
                continue
            }
        }
    }

    @Test func aSecondDocumentIsRefusedWhereItStarts() {
        #expect {
            try parse("a: 1\n---\nb: 2\n")
        } throws: { error in
            let error = error as! ScenarioError
            return error.line == 2 && error.message.contains("expected a single document")
        }
    }

    @Test func aKeyThatIsAMappingIsRefusedAtTheKey() {
        #expect {
            try parse("a: 1\n? {x: 1}\n: 2\n")
        } throws: { error in
            let error = error as! ScenarioError
            return error.line == 2 && error.location.column == 3 && error.message == "a mapping key must be plain text"
        }
    }

    @Test func valuesAreLocatedByLineAndColumn() throws {
        guard case .mapping(let entries, _) = try parse("a:\n  - x\n  - {y: z}\n") else {
            Issue.record("expected a mapping")
            return
        }
        guard case .sequence(let items, let listAt) = entries[0].value else {
            Issue.record("expected a list")
            return
        }
        #expect(listAt.line == 2 && listAt.column == 3)
        #expect(items.map(\.location.line) == [2, 3] && items.map(\.location.column) == [5, 5])
    }
}
