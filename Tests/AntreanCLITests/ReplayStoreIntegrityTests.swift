import Foundation
import Testing

/// `antrean replay` on a store whose rows break the allocator's rules: exit 65, the row and the rule
/// on standard error, no decision printed.
@Suite struct ReplayStoreIntegrityTests {
    /// The store was filled under a slot capacity of 200; a configuration of 1 place a slot would
    /// hold it over capacity from its second booking on (before, it was accepted silently).
    @Test func aStoreOverTheConfiguredCapacityIsRefusedWithExit65() throws {
        let folder = try ReplayStoreLockTests.Folder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let trace = try folder.write(trace: ReplayStoreLockTests.trace(day: 3, count: 10), named: "ten.jsonl")
        let filled = try AntreanProcess.run(folder.replay(trace))
        #expect(filled.status == 0, "\(filled.standardError)")

        let smaller = ReplayCrashTests.config().replacingOccurrences(
            of: #""slotCapacity": 200"#, with: #""slotCapacity": 1"#)
        try smaller.write(toFile: folder.config, atomically: true, encoding: .utf8)
        let refused = try AntreanProcess.run(folder.replay(trace))
        #expect(refused.status == 65)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("table booking, row id 2: slot kel-x/ktp/"), "\(refused.standardError)")
        #expect(refused.standardError.contains("already holds its 1 online place(s) (capacity per slot)"))
    }
}
