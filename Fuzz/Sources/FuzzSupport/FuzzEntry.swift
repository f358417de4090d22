import FuzzDriver

/// The signature of `LLVMFuzzerTestOneInput`: one input, its bytes valid only during the call.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> Int32

/// Runs libFuzzer on `callback` with the process's arguments (`-max_total_time=…`, corpus folders, …).
/// Each target's `<Module>_main` calls this; see FuzzDriver.h for why the targets need one.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ callback: FuzzCallback
) -> Int32 {
    antrean_fuzz_run(argc, argv, callback)
}

/// The input as text, invalid UTF-8 repaired the way `String(decoding:as:)` repairs it.
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// Stops the run as a crash libFuzzer records, when a target finds a property broken (not a trap).
public func fuzzFailure(_ message: String) -> Never {
    fatalError("fuzz property broken: \(message)")
}
