import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// A connection's handler, after HTTP decoding and the connection's idle and shutdown handling and before
/// the router's Swift task, that answers the reads `EventLoopAvailabilityAnswers` takes on right on the
/// event loop, and passes every other request on unchanged.
///
/// HTTP/1.1 answers must leave in the order of their requests (RFC 9112 §9.3.2), and a client may send
/// the next request before the previous answer: so a read is answered here only while no request passed on
/// is still waiting for its answer; behind one, it is passed on too and the router answers it in turn.
/// Answers written here go out with the next flush at the end of the socket read that brought them, so
/// requests that arrive together leave together.
final class EventLoopAvailabilityHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let answers: EventLoopAvailabilityAnswers
    /// Requests passed on whose answer has not ended yet.
    private var passedOnAwaitingAnswer = 0
    /// The answer to the request being read, written when its end arrives.
    private var answer: EventLoopAvailabilityAnswers.Answer?
    private var unflushed = false

    init(answers: EventLoopAvailabilityAnswers) { self.answers = answers }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if passedOnAwaitingAnswer == 0, let made = answers.answer(request) {
                answer = made
                return
            }
            passedOnAwaitingAnswer += 1
            context.fireChannelRead(data)
        case .body:
            // A request answered here has no body (no Content-Length, no Transfer-Encoding: RFC 9112 §6.3).
            if answer == nil { context.fireChannelRead(data) }
        case .end:
            guard let made = answer else { return context.fireChannelRead(data) }
            answer = nil
            context.write(wrapOutboundOut(.head(made.head)), promise: nil)
            context.write(wrapOutboundOut(.body(made.body)), promise: nil)
            context.write(wrapOutboundOut(.end(nil)), promise: nil)
            unflushed = true
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if unflushed {
            unflushed = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), passedOnAwaitingAnswer > 0 { passedOnAwaitingAnswer -= 1 }
        context.write(data, promise: promise)
    }
}
