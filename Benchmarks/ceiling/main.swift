// The framework's ceiling on this machine: Hummingbird 2 answering one route with a fixed body the size of
// an availability answer (10 slots), with nothing of Antrean's around it. docs/server.md#speed compares
// `antrean serve` with it under the same wrk settings as scripts/serve-load.sh.
//
// Not a target of the package (it would compile on every build): to run it, add for the time of the
// measurement
//     .executableTarget(name: "hb-ceiling", dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
//                       path: "Benchmarks/ceiling"),
// to Package.swift's targets, then `swift build -c release --product hb-ceiling` and
// `.build/release/hb-ceiling PORT [takeover] [LOOPS]` (`takeover`: NIO's event loops as Swift's global
// executor; LOOPS: the number of event loops, default the number of cores).
import Hummingbird
import NIOCore
import NIOPosix

let arguments = CommandLine.arguments
let port = arguments.count > 1 ? Int(arguments[1]) ?? 8089 : 8089
if arguments.count > 3, let loops = Int(arguments[3]) { NIOSingletons.groupLoopCountSuggestion = loops }
if arguments.count > 2, arguments[2] == "takeover" {
    print("takeover: \(NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor())")
}
let slot =
    #"{"dayUtilization":0.1640625,"office":"6472011001","remaining":20,"service":"ktp","start":"2026-11-23T08:00:00+08:00"}"#
let body = ByteBuffer(string: #"{"slots":["# + Array(repeating: slot, count: 10).joined(separator: ",") + "]}")
let router = Router()
router.get("/v1/availability") { _, _ -> Response in
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
}
let application = Application(
    router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil))
print("body \(body.readableBytes) bytes on port \(port)")
try await application.runService()
