import AntreanAllocator
import AntreanLocalization

/// An RFC 9457 problem the server answers instead of a result: a refusal of the allocator (its stable
/// code as the type), a malformed request (with a JSON pointer or the parameter's name), or an access,
/// rate or size limit. Handlers throw it; `ProblemMiddleware` writes it as `application/problem+json`.
/// Its title and detail are kept as `ProblemText`s (keys and values), so the language of the response
/// is chosen only when it is written.
struct Problem: Error, Sendable, Equatable {
    var status: Int
    /// The stable snake_case code; the problem's `type` is `/problems/<code>`.
    var code: String
    var title: ProblemText
    var detail: ProblemText?
    /// RFC 6901 pointer into the request body, for malformed fields.
    var pointer: String?
    /// The malformed query, path or header parameter.
    var parameter: String?
    /// Seconds for the `Retry-After` header (429).
    var retryAfter: Int?

    var type: String { "/problems/" + code }

    /// The problem for a refusal of the allocator: 404 when what was named does not exist, 403 when the
    /// caller is not the booking's owner, 422 when the request can never succeed as sent, 409 when the
    /// state of the slot or booking refuses it now. Never 5xx: a refusal is not a server error.
    /// The title is the refusal's message for people (`refusal.message(language:rules:)`), with the
    /// limits of `rules` where the message states one.
    init(_ refusal: AllocationRefusal, rules: AllocatorRules? = nil) {
        status = Self.status(of: refusal)
        code = refusal.code
        title = .refusal(refusal, rules: rules)
    }

    init(
        status: Int, code: String, title: ProblemText, detail: ProblemText? = nil, pointer: String? = nil,
        parameter: String? = nil, retryAfter: Int? = nil
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.pointer = pointer
        self.parameter = parameter
        self.retryAfter = retryAfter
    }

    static func status(of refusal: AllocationRefusal) -> Int {
        switch refusal {
        case .unknownOffice, .unknownService, .unknownBooking: 404
        case .notOwner: 403
        case .serviceNotOffered, .noSuchSlot, .outsideBookingWindow, .idempotencyKeyReused, .invalidNIK,
            .instantOutOfRange:
            422
        case .token(let refusal):
            switch refusal {
            case .malformed, .forged, .altered: 422
            default: 409
            }
        case .slotFull, .walkInReserveFull, .dailyQuotaReached, .nikLimitReached, .accountLimitReached,
            .holdNotActive, .bookingNotActive, .rescheduleLimitReached, .noAvailability, .wrongOffice,
            .tooEarlyToCheckIn, .checkInClosed:
            409
        }
    }

    /// A malformed field of the JSON body at `pointer` (RFC 6901); `values` fill the detail's placeholders.
    static func malformed(pointer: String, _ detail: ProblemDetail, _ values: [String: String] = [:]) -> Problem {
        Problem(
            status: 400, code: "malformed", title: .title(.malformed), detail: .detail(detail, values),
            pointer: pointer)
    }

    /// A malformed query, path or header parameter.
    static func malformed(parameter: String, _ detail: ProblemDetail) -> Problem {
        Problem(
            status: 400, code: "malformed", title: .title(.malformed), detail: .detail(detail), parameter: parameter)
    }

    static let unauthenticated = Problem(
        status: 401, code: "unauthenticated", title: .title(.unauthenticated), detail: .detail(.unauthenticated))

    static func forbidden(role: ClientRole, operation: String) -> Problem {
        Problem(
            status: 403, code: "forbidden", title: .title(.forbidden),
            detail: .detail(.role, ["role": role.rawValue, "operation": operation]))
    }

    static func forbidden(_ detail: ProblemDetail) -> Problem {
        Problem(status: 403, code: "forbidden", title: .title(.forbidden), detail: .detail(detail))
    }

    /// Whose rate limit a 429 reports.
    enum RateScope: Sendable {
        case clientKey, account
    }

    static func rateLimited(retryAfter: Int, scope: RateScope) -> Problem {
        Problem(
            status: 429, code: "rate_limited", title: .title(.rateLimited),
            detail: .detail(scope == .clientKey ? .rateClient : .rateAccount, ["seconds": String(retryAfter)]),
            retryAfter: retryAfter)
    }

    static func tooLarge(limit: Int) -> Problem {
        Problem(
            status: 413, code: "body_too_large", title: .title(.bodyTooLarge),
            detail: .detail(.tooLarge, ["limit": String(limit)]))
    }

    static let notFound = Problem(status: 404, code: "not_found", title: .title(.notFound))

    /// A documented path asked with a method it does not have (the `Allow` header lists those it has).
    static func methodNotAllowed(allowed: [String]) -> Problem {
        Problem(
            status: 405, code: "method_not_allowed", title: .title(.methodNotAllowed),
            detail: .detail(.methods, ["methods": allowed.joined(separator: ", ")]))
    }

    /// A kecamatan the configuration does not have (its name is configuration, never personal data).
    static func unknownKecamatan(_ name: String) -> Problem {
        Problem(status: 404, code: "unknown_kecamatan", title: .title(.unknownKecamatan, ["name": name]))
    }

    /// An HTTP error the framework answered (not a route of ours): its reason phrase in English. A client
    /// error reads "the request cannot be served (HTTP <status>)" in other languages; a server error
    /// (`internal`) keeps the reason phrase.
    static func httpError(status: Int, reasonPhrase: String) -> Problem {
        let serverError = status >= 500
        return Problem(
            status: status, code: serverError ? "internal" : "http_error",
            title: .reasonPhrase(
                reasonPhrase, otherwise: serverError ? nil : .title(.httpError, ["status": String(status)])))
    }

    /// The store failed (disk full, I/O error): the one server-side error, 503 so clients retry later
    /// with the same Idempotency-Key.
    static let storeUnavailable = Problem(
        status: 503, code: "store_unavailable", title: .title(.storeUnavailable))

    static let internalError = Problem(status: 500, code: "internal", title: .title(.internal))
}
