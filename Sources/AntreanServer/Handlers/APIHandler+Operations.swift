import OpenAPIRuntime

extension APIHandler {
    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        .ok(.init(body: .json(.init(status: "ok"))))
    }

    /// Ready while the server listens and is not shutting down.
    func ready(_ input: Operations.Ready.Input) async throws -> Operations.Ready.Output {
        server.readiness.isReady
            ? .ok(.init(body: .json(.init(status: "ready"))))
            : .serviceUnavailable(.init(body: .json(.init(status: "not ready"))))
    }

    func metrics(_ input: Operations.Metrics.Input) async throws -> Operations.Metrics.Output {
        let statistics = allocator.commitStatistics
        server.metrics.commits(transactions: statistics.transactions, operations: statistics.operations)
        return .ok(.init(body: .plainText(HTTPBody(server.metrics.exposition()))))
    }

    func openAPIDocument(_ input: Operations.OpenAPIDocument.Input) async throws -> Operations.OpenAPIDocument.Output {
        .ok(.init(body: .yaml(HTTPBody(openAPIDocumentText))))
    }
}
