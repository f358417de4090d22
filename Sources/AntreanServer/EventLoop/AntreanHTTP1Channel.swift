import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1.1 connection (`HTTP1Channel`) with `EventLoopAvailabilityHandler` placed after
/// its idle and shutdown handler. `HTTP1Channel` adds its extra handlers before that handler, where the
/// requests answered on the event loop would never reach it: a connection busy with such reads would be
/// closed as idle, and shutdown could cut one mid-answer. The pipeline is otherwise `HTTP1Channel`'s
/// (Hummingbird 2.28): NIO's HTTP/1 server codec with the decoder limits and no pipelining assistance,
/// the HTTP types codec, the idle and shutdown handler, then the router's async channel.
struct AntreanHTTP1Channel: HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: Responder
    let configuration: HTTP1Channel.Configuration
    /// nil: every request goes to the router.
    let eventLoopAnswers: EventLoopAvailabilityAnswers?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            var limits = NIOHTTPDecoderLimitConfiguration()
            limits.maxHeaderFieldSize = configuration.httpDecoder.maxHeaderFieldSize
            limits.maxHeaderListSize = configuration.httpDecoder.maxHeaderListSize
            limits.maxHeaderFieldCount = configuration.httpDecoder.maxHeaderFieldCount
            let pipeline = channel.pipeline.syncOperations
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: limits)
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandler(
                HTTPConnectionStateHandler(idleTimeout: configuration.idleTimeout.map { .init($0) }, logger: logger))
            if let eventLoopAnswers { try pipeline.addHandler(EventLoopAvailabilityHandler(answers: eventLoopAnswers)) }
            return try NIOAsyncChannel(
                wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: value, logger: logger)
    }
}
