import AntreanLocalization
import Foundation
import Testing

/// `--lang id|en` and `ANTREAN_LANG` on the commands that print for people (issue 21).
@Suite("--lang and ANTREAN_LANG")
struct LanguageCommandTests {
    /// Words of two or more letters, lowercased; option names (`--replications`) are machine words
    /// and are dropped first.
    static func words(_ text: String) -> Set<String> {
        var result: Set<String> = []
        for token in text.split(whereSeparator: \.isWhitespace) where !token.hasPrefix("--") {
            for word in token.split(whereSeparator: { !$0.isLetter }) where word.count >= 2 {
                result.insert(word.lowercased())
            }
        }
        return result
    }

    /// The words for people in `text`: machine keys (`overall.wait_minutes`, `queues.counters.counters`)
    /// and quoted input echoed back (a target such as "p90 wait <= 5m") are dropped first.
    static func readerWords(_ text: String) -> Set<String> {
        var unquoted = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() } else if !quoted { unquoted.append(character) }
        }
        let tokens = unquoted.split(whereSeparator: \.isWhitespace).filter { token in
            !token.contains("_") && token.range(of: #"\p{L}\.\p{L}"#, options: .regularExpression) == nil
        }
        return words(tokens.joined(separator: " "))
    }

    /// The words of the English table, less the few that are not English: kinds of office, the
    /// program's name (antrean), names of methods and their authors (Erlang, Kaandorp & Koole, SIPP,
    /// MOL, Lq, NIK, QR), and "per", "unit" and "data" (KBBI: *per* "tiap", *unit* "satuan", *data*
    /// "keterangan"), which both languages write alike.
    static let englishWords: Set<String> = {
        let shared: Set<String> = [
            "kelurahan", "kecamatan", "mpp", "antrean", "erlang", "kaandorp", "koole", "sipp", "mol", "lq", "nik",
            "qr", "unit", "per", "data",
        ]
        let placeholders = Texts.table(.en).values.reduce(into: Set<String>()) {
            $0.formUnion(Texts.placeholders(in: $1))
        }
        return Texts.table(.en).values.reduce(into: Set<String>()) { $0.formUnion(words($1)) }
            .subtracting(shared).subtracting(placeholders.filter { !$0.contains("_") })
    }()

    /// The bundled city in both languages: the English table is full of the English table's words
    /// (so the check can see them), the Indonesian one holds none of them.
    @Test func indonesianCityTableHasNoEnglishWord() throws {
        let arguments = ["simulate", "Simulations/samarinda.yaml", "--days", "2", "--replications", "2", "--top", "5"]
        let english = try AntreanProcess.run(arguments + ["--lang", "en"])
        let indonesian = try AntreanProcess.run(arguments + ["--lang", "id"])
        try #require(
            english.status == 0 && indonesian.status == 0, "\(english.standardError)\(indonesian.standardError)")
        let seenInEnglish = Self.words(english.standardOutput).intersection(Self.englishWords)
        #expect(seenInEnglish.count >= 40, "the check would be blind: \(seenInEnglish.sorted())")
        let leftover = Self.words(indonesian.standardOutput).intersection(Self.englishWords)
        #expect(leftover.isEmpty, "English words in the Indonesian table: \(leftover.sorted())")
        for word in ["kantor", "loket", "dilayani", "tunggu", "replikasi", "kecamatan", "Semua kantor"] {
            #expect(indonesian.standardOutput.contains(word), "\(word) missing")
        }
        // Indonesian numbers: decimal comma (10,4 ±1,5), never a decimal point.
        #expect(indonesian.standardOutput.range(of: #"\d,\d ±\d+,\d"#, options: .regularExpression) != nil)
        #expect(indonesian.standardOutput.range(of: #"\d\.\d{1,2}\b"#, options: .regularExpression) == nil)
    }

    /// One replication of the small city: the note about the missing interval is Indonesian too.
    @Test func singleReplicationNoteIsIndonesian() throws {
        let result = try AntreanProcess.run([
            "simulate", "Tests/AntreanCityTests/Fixtures/small-city.yaml", "--days", "2", "--replications", "1",
            "--lang", "id",
        ])
        try #require(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Satu replikasi: selang kepercayaan tidak dapat dihitung"))
        let leftover = Self.words(result.standardOutput).intersection(Self.englishWords)
        // "small city" is the fixture's own name, a proper name here.
        #expect(leftover.subtracting(["small", "city"]).isEmpty, "\(leftover.sorted())")
    }

    @Test func environmentVariableChoosesTheLanguage() throws {
        let arguments = ["simulate", "Simulations/validation/mm1.yaml", "--replications", "2", "--arrivals", "2000"]
        let indonesian = try AntreanProcess.run(arguments, environment: ["ANTREAN_LANG": "id"])
        try #require(indonesian.status == 0, "\(indonesian.standardError)")
        #expect(indonesian.standardOutput.contains("keseluruhan"))
        #expect(indonesian.standardOutput.contains("Teori:"))
        // --lang wins over the variable.
        let english = try AntreanProcess.run(arguments + ["--lang", "en"], environment: ["ANTREAN_LANG": "id"])
        #expect(english.status == 0)
        #expect(english.standardOutput.contains("Theory:") && !english.standardOutput.contains("Teori:"))
        // English stays byte for byte what it was without any language chosen.
        let unset = try AntreanProcess.run(arguments, environment: ["ANTREAN_LANG": ""])
        #expect(unset.standardOutput == english.standardOutput)
    }

    @Test(arguments: [
        ["simulate", "Simulations/validation/mm1.yaml", "--lang", "xx"],
        ["merge", "nowhere", "--lang", "xx"],
        ["compare", "Simulations/validation/mm5.yaml", "--policy", "a", "--policy", "b", "--lang", "fr"],
        ["plan", "Simulations/validation/mm5.yaml", "--target", "p90 wait <= 5m", "--lang", "english"],
    ])
    func unknownLanguageIsAUsageError(arguments: [String]) throws {
        let result = try AntreanProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardError.contains("--lang: unknown language \"\(arguments.last ?? "")\"; use en or id"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func badEnvironmentVariableIsAUsageError() throws {
        let result = try AntreanProcess.run(
            ["simulate", "Simulations/validation/mm1.yaml"], environment: ["ANTREAN_LANG": "xx"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("ANTREAN_LANG: unknown language \"xx\""))
    }

    /// CSV keeps its machine keys; --csv-header-names adds a row of names above them.
    @Test func csvHeaderNames() throws {
        let arguments = [
            "simulate", "Simulations/validation/mm1.yaml", "--replications", "2", "--arrivals", "2000",
            "--format", "csv", "--lang", "id",
        ]
        let plain = try AntreanProcess.run(arguments)
        let named = try AntreanProcess.run(arguments + ["--csv-header-names"])
        try #require(plain.status == 0 && named.status == 0, "\(named.standardError)")
        #expect(plain.standardOutput.hasPrefix("metric,mean,ci95_low,ci95_high,sd,replications,theory\n"))
        #expect(
            named.standardOutput
                == "metrik,rata-rata,batas bawah SK 95%,batas atas SK 95%,simpangan baku,replikasi,teori\n"
                + plain.standardOutput)
    }

    /// The other commands that print tables for people: in Indonesian, none of the English table's words
    /// is left (the scenario's own names aside), while the English run shows them.
    @Test(arguments: [
        (
            [
                "plan", "Simulations/validation/mm5.yaml", "--target", "p90 wait <= 5m", "--replications", "2",
                "--param", "run.arrivals=5000",
            ], ["counters"]
        ),
        (["plan", "Simulations/samarinda.yaml", "--by", "office,hour-block", "--target", "p90 wait <= 15m"], []),
        (
            [
                "compare", "Simulations/validation/mm5.yaml", "--variant", "5:queues.counters.counters=5", "--variant",
                "6:queues.counters.counters=6", "--replications", "3", "--param", "run.arrivals=5000",
            ], []
        ),
        (["schedule", "--citizens", "6", "--intervals", "6"], ["bailey", "welch"]),
        (
            ["schedule", "--citizens", "6", "--intervals", "6", "--counters", "2", "--replications", "20"],
            ["bailey", "welch"]
        ),
    ])
    func everyTableCommandSpeaksIndonesian(arguments: [String], names: [String]) throws {
        let english = try AntreanProcess.run(arguments + ["--lang", "en"])
        let indonesian = try AntreanProcess.run(arguments + ["--lang", "id"])
        try #require(
            english.status == 0 && indonesian.status == 0, "\(english.standardError)\(indonesian.standardError)")
        let seenInEnglish = Self.readerWords(english.standardOutput).intersection(Self.englishWords)
        #expect(seenInEnglish.count >= 8, "the check would be blind: \(seenInEnglish.sorted())")
        let leftover = Self.readerWords(indonesian.standardOutput).intersection(Self.englishWords).subtracting(names)
        #expect(leftover.isEmpty, "English words in `\(arguments.joined(separator: " "))`: \(leftover.sorted())")
        #expect(indonesian.standardOutput.range(of: #"\d,\d"#, options: .regularExpression) != nil)
    }

    /// A sweep's merged table: the title in Indonesian, numbers with the decimal comma.
    @Test func mergeSpeaksIndonesian() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-lang-merge-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweep = try AntreanProcess.run([
            "sweep", "Simulations/validation/mm5.yaml", "--param", "queues.counters.counters=5,6", "--set",
            "run.arrivals=2000", "--replications", "2", "--out", folder.path,
        ])
        try #require(sweep.status == 0, "\(sweep.standardError)")
        let english = try AntreanProcess.run(["merge", folder.path])
        let merged = try AntreanProcess.run(["merge", folder.path, "--lang", "id"])
        try #require(merged.status == 0 && english.status == 0, "\(merged.standardError)")
        #expect(english.standardOutput.contains("2 grid points × 2 replications, seed 1"))
        #expect(merged.standardOutput.contains("2 titik kisi × 2 replikasi, benih acak 1"))
        #expect(Self.readerWords(merged.standardOutput).intersection(Self.englishWords).isEmpty)
        #expect(merged.standardOutput.range(of: #"\d,\d{3} ±\d,\d{3}"#, options: .regularExpression) != nil)
        let csv = try AntreanProcess.run([
            "merge", folder.path, "--format", "csv", "--lang", "id", "--csv-header-names",
        ])
        #expect(
            csv.standardOutput.hasPrefix(
                "titik kisi,queues.counters.counters,metrik,rata-rata,batas bawah SK 95%,batas atas SK 95%,simpangan baku,"
                    + "replikasi\npoint,queues.counters.counters,metric,mean,ci95_low,ci95_high,sd,replications\n"))
    }

    /// `antrean replay --lang id`: each refusal carries its Indonesian message in `text`, beside the
    /// unchanged code (`reason`) and technical text (`message`); English by default.
    @Test func replayRefusalsInIndonesian() throws {
        try AntreanProcess.makeBundledReplaySecrets()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-lang-replay-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func decisions(_ extra: [String], store: String) throws -> [[String: Any]] {
            let result = try AntreanProcess.run(
                [
                    "replay", "Simulations/replay/requests.jsonl", "--config", "Simulations/replay/config.json",
                    "--store",
                    folder.appendingPathComponent(store).path,
                ] + extra)
            try #require(result.status == 0, "\(result.standardError)")
            return try result.standardOutput.split(separator: "\n").compactMap {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }.filter { $0["line"] != nil }
        }
        let indonesian = try decisions(["--lang", "id"], store: "id.sqlite")
        let english = try decisions([], store: "en.sqlite")
        try #require(indonesian.count == english.count)
        var codes: Set<String> = []
        for (id, en) in zip(indonesian, english) {
            #expect(id["reason"] as? String == en["reason"] as? String)
            #expect(id["message"] as? String == en["message"] as? String)
            guard let code = id["reason"] as? String, code != "malformed", code != "invalid_request" else {
                #expect(id["text"] == nil)
                continue
            }
            codes.insert(code)
            let text = try #require(id["text"] as? String, "line \(id["line"] ?? "?"): no text")
            #expect(!text.contains("{") && !text.hasPrefix("refusal."))
            #expect(en["text"] as? String != text)
            if let template = Texts.table(.id)["refusal." + code], Texts.placeholders(in: template).isEmpty {
                #expect(text == template)
                #expect(en["text"] as? String == Texts.table(.en)["refusal." + code])
            }
        }
        #expect(codes.count >= 3, "the bundled trace refuses too little to check: \(codes)")
    }
}
