import AntreanAllocator
import AntreanLocalization

/// An RFC 9457 problem the server answers instead of a result: a refusal of the allocator (its stable
/// code as the type), a malformed request (with a JSON pointer or the parameter's name), or an access,
/// rate or size limit. Handlers throw it; `ProblemMiddleware` writes it as `application/problem+json`.
struct Problem: Error, Sendable, Equatable {
    var status: Int
    /// The stable snake_case code; the problem's `type` is `/problems/<code>`.
    var code: String
    var title: String
    var detail: String?
    /// RFC 6901 pointer into the request body, for malformed fields.
    var pointer: String?
    /// The malformed query, path or header parameter.
    var parameter: String?
    /// Seconds for the `Retry-After` header (429).
    var retryAfter: Int?
    /// A refusal's message for people in each language (`title` holds the English one); empty for the
    /// server's own problems, whose texts `localized(_:)` looks up.
    var refusalTitles: [Language: String] = [:]

    var type: String { "/problems/" + code }

    /// The problem for a refusal of the allocator: 404 when what was named does not exist, 403 when the
    /// caller is not the booking's owner, 422 when the request can never succeed as sent, 409 when the
    /// state of the slot or booking refuses it now. Never 5xx: a refusal is not a server error.
    /// The title is the refusal's message for people (`refusal.message(language:rules:)`), with the
    /// limits of `rules` where the message states one.
    init(_ refusal: AllocationRefusal, rules: AllocatorRules? = nil) {
        status = Self.status(of: refusal)
        code = refusal.code
        for language in Language.allCases {
            refusalTitles[language] = refusal.message(language: language, rules: rules)
        }
        title = refusalTitles[.en] ?? refusal.description
    }

    init(
        status: Int, code: String, title: String, detail: String? = nil, pointer: String? = nil,
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

    /// A malformed field of the JSON body at `pointer` (RFC 6901).
    static func malformed(pointer: String, _ detail: String) -> Problem {
        Problem(status: 400, code: "malformed", title: "malformed request", detail: detail, pointer: pointer)
    }

    /// A malformed query, path or header parameter.
    static func malformed(parameter: String, _ detail: String) -> Problem {
        Problem(status: 400, code: "malformed", title: "malformed request", detail: detail, parameter: parameter)
    }

    static let unauthenticated = Problem(
        status: 401, code: "unauthenticated", title: "missing, unknown or revoked client key",
        detail: "send Authorization: Bearer <key> with a key made by `antrean keys create`")

    static func forbidden(role: ClientRole, operation: String) -> Problem {
        Problem(
            status: 403, code: "forbidden", title: "not allowed for this client's role",
            detail: "role \(role.rawValue) may not call \(operation)")
    }

    static func forbidden(_ detail: String) -> Problem {
        Problem(status: 403, code: "forbidden", title: "not allowed for this client's role", detail: detail)
    }

    static func rateLimited(retryAfter: Int, scope: String) -> Problem {
        Problem(
            status: 429, code: "rate_limited", title: "too many requests",
            detail: "the \(scope) rate limit is reached; retry after \(retryAfter) s", retryAfter: retryAfter)
    }

    static func tooLarge(limit: Int) -> Problem {
        Problem(
            status: 413, code: "body_too_large", title: "request body too large",
            detail: "the body may have at most \(limit) bytes")
    }

    static let notFound = Problem(status: 404, code: "not_found", title: "no such resource")

    /// A documented path asked with a method it does not have (the `Allow` header lists those it has).
    static func methodNotAllowed(allowed: [String]) -> Problem {
        Problem(
            status: 405, code: "method_not_allowed", title: "method not allowed",
            detail: "this resource answers \(allowed.joined(separator: ", "))")
    }

    /// The store failed (disk full, I/O error): the one server-side error, 503 so clients retry later
    /// with the same Idempotency-Key.
    static let storeUnavailable = Problem(
        status: 503, code: "store_unavailable",
        title: "the store cannot commit now; retry with the same Idempotency-Key")

    static let internalError = Problem(status: 500, code: "internal", title: "internal error")
}
