import Foundation
import Testing

/// The docs say what the program does (issue 17, item 18).
@Suite("documentation matches the program")
struct DocumentationTests {
    static func readme() throws -> String {
        try String(contentsOf: AntreanProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// Paths named in the bundled scenarios' comments exist in the repository.
    @Test func scenarioCommentsNameOnlyFilesThatExist() throws {
        let root = AntreanProcess.repositoryRoot
        let simulations = root.appendingPathComponent("Simulations")
        let files =
            FileManager.default.enumerator(at: simulations, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" } ?? []
        #expect(files.count >= 5)
        let pattern = try NSRegularExpression(
            pattern: #"(\.\./|Simulations/|Benchmarks/|docs/|scripts/)[A-Za-z0-9_./-]*"#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let hash = line.firstIndex(of: "#") else { continue }
                let comment = String(line[hash...])
                for match in pattern.matches(in: comment, range: NSRange(comment.startIndex..., in: comment)) {
                    guard let range = Range(match.range, in: comment) else { continue }
                    let path = String(comment[range]).trimmingCharacters(in: CharacterSet(charactersIn: ".,)"))
                    let base = path.hasPrefix("../") ? file.deletingLastPathComponent() : root
                    let target = base.appendingPathComponent(path).standardizedFileURL
                    #expect(
                        FileManager.default.fileExists(atPath: target.path),
                        "\(file.lastPathComponent): \(path) does not exist")
                }
            }
        }
    }

    /// The README lists every op `antrean replay` accepts (the list its own error message gives).
    @Test func readmeListsEveryReplayOp() throws {
        try AntreanProcess.makeBundledReplaySecrets()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-ops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("trace.jsonl")
        try Data(#"{"op":"no_such_op","at":"2026-11-22T12:00:00+08:00"}"#.utf8).write(to: trace)
        let result = try AntreanProcess.run([
            "replay", trace.path, "--config", "Simulations/replay/config.json", "--store",
            folder.appendingPathComponent("store.sqlite").path,
        ])
        let message = result.standardError
        let list = try #require(message.range(of: "(").map { message[$0.upperBound...] })
        let ops = list.prefix { $0 != ")" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(ops.count >= 10, "\(message)")
        let readme = try Self.readme()
        for op in ops { #expect(readme.contains("`\(op)`"), "README lacks the op \(op)") }
    }

    /// The bundled trace's refusals are deliberate, and the README says which lines they are.
    @Test func readmeExplainsTheBundledTracesMistakes() throws {
        try AntreanProcess.makeBundledReplaySecrets()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try AntreanProcess.run([
            "replay", "Simulations/replay/requests.jsonl", "--config", "Simulations/replay/config.json", "--store",
            folder.appendingPathComponent("store.sqlite").path,
        ])
        #expect(result.status == 0)
        let readme = try Self.readme()
        var mistakes = 0
        for line in result.standardOutput.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let number = object["line"] as? Int, object["ok"] as? Bool == false,
                ["malformed", "invalid_request"].contains(object["reason"] as? String ?? "")
            else { continue }
            mistakes += 1
            #expect(readme.contains("line \(number)"), "README does not explain line \(number)")
        }
        #expect(mistakes == 2)
    }
}
