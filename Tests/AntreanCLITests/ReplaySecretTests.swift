import Foundation
import Testing

/// Where `antrean replay` takes its secrets from and which it refuses; `antrean secrets generate`.
@Suite struct ReplaySecretTests {
    typealias Replay = ReplayCommandTests

    static let offices =
        #""offices": [{"id": "kel-x", "kecamatan": "k", "services": [{"service": "ktp", "counters": 1}]}], "services": [{"id": "ktp", "meanServiceMinutes": 10}]"#
    static let goodKey = "4c24617e318d0cb180aa592e723c10d0666a35f754a80c62f45cd47e9772ceb5"
    static let goodPepper = "673dcbd69ee4044f4ca3de60bc75118d92726e5ecf172f9969e24813c3cde5c1"

    /// Runs a replay of one booking with `config` (the secrets part of the JSON) in a new folder that
    /// also holds `files` (name → contents, mode).
    static func replay(
        config secrets: String, files: [String: (String, Int)] = [:], environment: [String: String] = [:]
    ) throws -> AntreanProcess.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.json")
        try "{\(offices), \(secrets)}".write(to: config, atomically: true, encoding: .utf8)
        for (name, (contents, mode)) in files {
            let url = folder.appendingPathComponent(name)
            try contents.write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        }
        let requests = folder.appendingPathComponent("requests.jsonl")
        try
            #"{"op":"book","id":"a","at":"2026-11-22T12:00:00+08:00","nik":"6472011204850003","office":"kel-x","service":"ktp"}"#
            .write(to: requests, atomically: true, encoding: .utf8)
        return try AntreanProcess.run(
            [
                "replay", requests.path, "--config", config.path, "--store",
                folder.appendingPathComponent("s.sqlite").path,
            ],
            environment: environment)
    }

    /// The sample configuration's placeholders and the probe's weak values exit 65 naming the field.
    @Test(arguments: [
        (
            #""nikPepper": "replace-me-with-a-real-secret-pepper", "tokenKeys": [{"id": "k1", "secret": "GOODKEY"}]"#,
            "nikPepper: a placeholder"
        ),
        (
            #""nikPepper": "GOODPEPPER", "tokenKeys": [{"id": "k1", "secret": "replace-me-with-a-real-signing-key"}]"#,
            "tokenKeys[0]: a placeholder"
        ),
        (#""nikPepper": "                ", "tokenKeys": [{"id": "k1", "secret": "GOODKEY"}]"#, "nikPepper: "),
        (#""nikPepper": "aaaaaaaaaaaaaaaa", "tokenKeys": [{"id": "k1", "secret": "GOODKEY"}]"#, "nikPepper: "),
        (#""nikPepper": "GOODPEPPER", "tokenKeys": [{"id": "k.1", "secret": "GOODKEY"}]"#, "tokenKeys[0]: a key id"),
        (#""tokenKeys": [{"id": "k1", "secret": "GOODKEY"}]"#, "no NIK pepper"),
        (#""nikPepper": "GOODPEPPER""#, "tokenKeys: needs at least one key"),
    ])
    func weakOrMissingSecretsExitWithSixtyFive(secrets: String, message: String) throws {
        let config = secrets.replacingOccurrences(of: "GOODKEY", with: Self.goodKey)
            .replacingOccurrences(of: "GOODPEPPER", with: Self.goodPepper)
        let result = try Self.replay(config: config)
        #expect(result.status == 65)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!result.standardError.contains("replace-me-with") && !result.standardError.contains("aaaaaaaaaaaaaaaa"))
    }

    @Test func secretFilesMustBeOwnerOnly() throws {
        let secrets = #""nikPepperFile": "pepper", "tokenKeys": [{"id": "k1", "secretFile": "key"}]"#
        let open = try Self.replay(
            config: secrets, files: ["pepper": (Self.goodPepper, 0o644), "key": (Self.goodKey, 0o600)])
        #expect(open.status == 65)
        #expect(open.standardError.contains("readable by group or others (mode 644)"))
        #expect(open.standardError.contains("chmod 600"))
        let closed = try Self.replay(
            config: secrets, files: ["pepper": (Self.goodPepper + "\n", 0o600), "key": (Self.goodKey, 0o400)])
        #expect(closed.status == 0, "\(closed.standardError)")
        let missing = try Self.replay(config: secrets, files: ["key": (Self.goodKey, 0o600)])
        #expect(missing.status == 66)
        #expect(missing.standardError.contains("antrean secrets generate --output"))
    }

    /// The environment supplies the pepper, and a current token key after the configured ones.
    @Test func secretsFromTheEnvironment() throws {
        let result = try Self.replay(
            config: #""tokenKeys": [{"id": "old", "secret": "\#(Self.goodKey)"}]"#,
            environment: [
                "ANTREAN_NIK_PEPPER": Self.goodPepper,
                "ANTREAN_TOKEN_KEY": "2b7842dd175b4c79c69ede6c98d90bd3a94c544e7a95220e6e723d6df49a71b6",
                "ANTREAN_TOKEN_KEY_ID": "new",
            ])
        #expect(result.status == 0, "\(result.standardError)")
        let decisions = try Replay.decisions(result.standardOutput)
        #expect((decisions[0]["token"] as? String)?.hasPrefix("AQ2.new.") == true)
        let noID = try Self.replay(
            config: #""tokenKeys": []"#,
            environment: ["ANTREAN_NIK_PEPPER": Self.goodPepper, "ANTREAN_TOKEN_KEY": Self.goodKey])
        #expect(noID.status == 65 && noID.standardError.contains("ANTREAN_TOKEN_KEY_ID: required"))
        let weak = try Self.replay(
            config: #""tokenKeys": [{"id": "old", "secret": "\#(Self.goodKey)"}]"#,
            environment: ["ANTREAN_NIK_PEPPER": "changeme"])
        #expect(weak.status == 65 && weak.standardError.contains("ANTREAN_NIK_PEPPER: a placeholder"))
    }

    @Test func generateWritesAnOwnerOnlyFileAndNeverOverwrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secrets/pepper").path
        let made = try AntreanProcess.run(["secrets", "generate", "--output", path])
        #expect(made.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let first = try String(contentsOfFile: path, encoding: .utf8)
        let decoded = try #require(Data(base64Encoded: first.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(decoded.count == 32)
        let again = try AntreanProcess.run(["secrets", "generate", "--output", path])
        #expect(again.status == 73 && again.standardError.contains("exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
        let printed = try AntreanProcess.run(["secrets", "generate"])
        #expect(printed.status == 0 && printed.standardOutput != first)
        #expect(
            Data(base64Encoded: printed.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))?.count == 32)
    }
}
