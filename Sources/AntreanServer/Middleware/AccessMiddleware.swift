import HTTPTypes
import OpenAPIRuntime

/// Checks the client key of every operation except the open operational ones: 401 for a missing,
/// unknown or revoked key, 429 (with `Retry-After`) when the key's token bucket is empty, 403 for an
/// operation outside the key's role. The accepted client goes into the request's scope for the handlers.
struct AccessMiddleware: ServerMiddleware {
    let keys: ClientKeyRegistry
    let limiter: TokenBucketLimiter
    let monotonicSeconds: @Sendable () -> Double

    static let openOperations: Set<String> = ["health", "ready", "metrics", "openAPIDocument"]

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        if Self.openOperations.contains(operationID) { return try await next(request, body, metadata) }
        _ = try authorize(request.headerFields[.authorization], operationID: operationID)
        return try await next(request, body, metadata)
    }

    /// The client of the bearer key in `authorization`, allowed `operationID` (and put in the request's
    /// scope), or the problem: 401 without a valid key, 429 when its bucket is empty (no token taken
    /// then), 403 outside its role. Shared with `AvailabilityRoute`, so both paths check alike.
    func authorize(_ authorization: String?, operationID: String) throws(Problem) -> ClientKey {
        guard let client = validClient(authorization) else { throw Problem.unauthenticated }
        RequestScope.current?.client = client
        // The bucket first: calls outside the role cost a token too, so probing is throttled as well.
        if let wait = limiter.take(Self.bucket(of: client), now: monotonicSeconds()) {
            throw Problem.rateLimited(retryAfter: wait, scope: .clientKey)
        }
        guard client.role.operations.contains(operationID) else {
            throw Problem.forbidden(role: client.role, operation: operationID)
        }
        return client
    }

    /// The client of a valid bearer key in `authorization`, or nil (unknown, revoked, malformed, absent).
    /// Takes no token.
    func validClient(_ authorization: String?) -> ClientKey? {
        guard let header = authorization, header.hasPrefix("Bearer ") else { return nil }
        let presented = header.dropFirst("Bearer ".count).drop { $0 == " " }
        guard case .valid(let client) = keys.lookup(presented: presented) else { return nil }
        return client
    }

    /// Takes one token from `client`'s bucket: what `authorize` takes for an accepted call. False when the
    /// bucket is empty (nothing taken), which `authorize` answers 429.
    func takeToken(of client: ClientKey) -> Bool {
        limiter.take(Self.bucket(of: client), now: monotonicSeconds()) == nil
    }

    private static func bucket(of client: ClientKey) -> String { "key:" + client.id }
}
