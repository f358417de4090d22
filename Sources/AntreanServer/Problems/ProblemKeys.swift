/// The titles of the server's own problems: each case is the `problem.title.<rawValue>` text of
/// AntreanLocalization's tables (a test checks that each has its English and Indonesian text).
enum ProblemTitle: String, CaseIterable, Sendable {
    case malformed
    case unauthenticated
    case forbidden
    case rateLimited = "rate_limited"
    case bodyTooLarge = "body_too_large"
    case notFound = "not_found"
    case methodNotAllowed = "method_not_allowed"
    case storeUnavailable = "store_unavailable"
    case `internal`
    case unknownKecamatan = "unknown_kecamatan"
    case httpError = "http_error"

    var key: String { "problem.title." + rawValue }
}

/// The details of the server's own problems: each case is the `problem.detail.<rawValue>` text of
/// AntreanLocalization's tables (a test checks that each has its English and Indonesian text).
enum ProblemDetail: String, CaseIterable, Sendable {
    case unauthenticated
    case role
    case deskCheckIn = "desk_check_in"
    case rateClient = "rate_client"
    case rateAccount = "rate_account"
    case tooLarge = "too_large"
    case fieldMissing = "field_missing"
    case expectedString = "expected_string"
    case expectedBool = "expected_bool"
    case expectedInteger = "expected_integer"
    case expectedNumber = "expected_number"
    case expectedValue = "expected_value"
    case nullString = "null_string"
    case nullBool = "null_bool"
    case nullInteger = "null_integer"
    case nullNumber = "null_number"
    case nullValue = "null_value"
    case notAllowed = "not_allowed"
    case notJSON = "not_json"
    case nullField = "null_field"
    case methods
    case notSchema = "not_schema"
    case contentType = "content_type"
    case requiredHeader = "required_header"
    case bodyRequired = "body_required"
    case parameterType = "parameter_type"
    case someParameter = "some_parameter"
    case limitRange = "limit_range"
    case officeOrKecamatan = "office_or_kecamatan"
    case accountLength = "account_length"
    case tokenLength = "token_length"
    case idempotencyKey = "idempotency_key"
    case withOffice = "with_office"
    case withStart = "with_start"
    case withCode = "with_code"
    case withNIK = "with_nik"
    case officeStartOrHome = "office_start_or_home"
    case tokenOrCode = "token_or_code"
    case tokenOrCodeNotBoth = "token_or_code_not_both"
    case nikForRole = "nik_for_role"
    case instant
    case date
    case bookingCode = "booking_code"

    var key: String { "problem.detail." + rawValue }
}
