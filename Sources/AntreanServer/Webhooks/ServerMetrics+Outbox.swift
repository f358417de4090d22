import Prometheus

/// The notification outbox's series in the server's registry: webhook requests answered 2xx, attempts
/// that failed (another status, no answer, a timeout), and the backlog per webhook client (deliveries
/// owed now, retries waiting included). The `client` label is a client name from the keys file, so the
/// number of series is the number of webhook clients.
extension ServerMetrics {
    func outboxPass(delivered: Int, failed: Int) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "antrean", metricName: "outbox_deliveries", unitName: "total",
                helpText: "Webhook deliveries answered 2xx.")
        ).increment(by: Int64(delivered))
        registry.makeCounter(
            descriptor: .init(
                namespace: "antrean", metricName: "outbox_failures", unitName: "total",
                helpText: "Webhook attempts that failed and wait for a retry.")
        ).increment(by: Int64(failed))
    }

    func outboxBacklog(client: String, deliveries: Int) {
        registry.makeGauge(
            descriptor: .init(
                namespace: "antrean", metricName: "outbox_backlog", unitName: "",
                helpText: "Webhook deliveries owed to a client now (retries waiting included), as of the last pass."),
            labels: [("client", client)]
        ).set(Double(deliveries))
    }
}
