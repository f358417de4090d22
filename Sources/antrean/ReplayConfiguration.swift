import AntreanAllocator
import AntreanReplay
import ArgumentParser
import Foundation

/// The `--config` file of `antrean replay` (JSON): the allocator's configuration, where its secrets
/// come from, and policy parameters. Secrets are base64 or hex of at least 32 random bytes
/// (`antrean secrets generate`); they are best kept in owner-only files or the environment
/// (``SecretSource``), not in the configuration itself.
struct ReplayConfiguration: Decodable {
    var offices: [OfficeConfig]
    var services: [ServiceConfig]
    var rules: AllocatorRules?
    /// Appointment templates (interval lengths, places per interval, individual appointment minutes);
    /// absent: every day keeps the rules' slot grid.
    var appointmentTemplates: [AppointmentTemplate]?
    /// Counters pooled by several services (counter-minutes per interval); absent: none.
    var appointmentPools: [AppointmentPool]?
    /// The NIK pepper itself (base64 or hex); prefer `nikPepperFile` or the environment.
    var nikPepper: String?
    /// A file holding the NIK pepper, relative to the configuration's folder, readable by its owner only.
    var nikPepperFile: String?
    /// QR signing keys, oldest first; the last one is current unless the environment adds a newer one.
    var tokenKeys: [TokenKey]?
    /// Predicted no-show rates per office and weekday, for `--policy overbooking`.
    var noShowRates: [String: [Weekday: Double]]?
    var defaultNoShowRate: Double?
    /// Travel constraint of `--policy least-loaded`.
    var leastLoadedMaxDistanceKm: Double?

    struct TokenKey: Decodable {
        var id: String
        /// The key itself (base64 or hex); prefer `secretFile`.
        var secret: String?
        /// A file holding the key, relative to the configuration's folder, readable by its owner only.
        var secretFile: String?
    }

    var allocatorConfiguration: AllocatorConfiguration {
        AllocatorConfiguration(
            offices: offices, services: services, rules: rules ?? AllocatorRules(),
            appointmentTemplates: appointmentTemplates ?? [], appointmentPools: appointmentPools ?? [])
    }

    /// `path:line:column` of the field `components` leads to (errors name the line, as the scenario
    /// loader's do); just `path` without a field.
    static func located(_ path: String, _ data: Data, _ components: [JSONLocator.Component]?) -> String {
        guard let components, !components.isEmpty else { return path }
        let (line, column) = JSONLocator.position(of: components, in: [UInt8](data))
        return "\(path):\(line):\(column)"
    }

    static func located(_ path: String, _ data: Data, decodingError error: any Error) -> String {
        let context: DecodingError.Context? =
            switch error as? DecodingError {
            case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
                .dataCorrupted(let context):
                context
            default: nil
            }
        return located(path, data, context.map { JSONLocator.components(of: $0.codingPath) })
    }

    /// The configuration at `path` with its secrets resolved and checked.
    static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ReplayError) -> (configuration: ReplayConfiguration, signer: QRTokenSigner, hasher: NIKHasher) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ReplayError("\(path): cannot read: \(error.localizedDescription)", status: ExitStatus.missingInput)
        }
        let configuration: ReplayConfiguration
        do { configuration = try JSONDecoder().decode(ReplayConfiguration.self, from: data) } catch {
            throw ReplayError("\(located(path, data, decodingError: error)): \(DecodingErrorText.describe(error))")
        }
        do { try configuration.allocatorConfiguration.validate() } catch {
            let components = JSONLocator.components(of: error.field)
            throw ReplayError("\(located(path, data, components)): \(error)")
        }
        let source = SecretSource(
            environment: environment, baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent())
        let pepper = try source.pepper(
            value: configuration.nikPepper, file: configuration.nikPepperFile, configPath: path)
        let hasher: NIKHasher
        do { hasher = try NIKHasher(pepperBytes: pepper) } catch { throw ReplayError("\(path): nikPepper: \(error)") }
        return (configuration, try configuration.signer(source: source, path: path), hasher)
    }

    /// A signer holding every configured key, oldest first, then the environment's key as current.
    private func signer(source: SecretSource, path: String) throws(ReplayError) -> QRTokenSigner {
        var keys: [(id: String, bytes: [UInt8], origin: String)] = []
        for (index, key) in (tokenKeys ?? []).enumerated() {
            let origin = "\(path): tokenKeys[\(index)]"
            switch (key.secret, key.secretFile) {
            case (.some, .some): throw ReplayError("\(origin): secret, secretFile: give one of the two, not both")
            case (_, .some(let file)): keys.append((key.id, try source.read(file: file, origin: origin), origin))
            case (.some(let text), _): keys.append((key.id, try source.decode(text, origin: origin), origin))
            case (nil, nil): throw ReplayError("\(origin): secretFile: missing")
            }
        }
        if let current = try source.environmentTokenKey() {
            keys.append((current.id, current.bytes, SecretSource.tokenKeyIDVariable))
        }
        guard let first = keys.first else {
            throw ReplayError(
                "\(path): tokenKeys: needs at least one key, in the configuration or in "
                    + "\(SecretSource.tokenKeyVariable)/\(SecretSource.tokenKeyFileVariable) with "
                    + "\(SecretSource.tokenKeyIDVariable)")
        }
        var signer: QRTokenSigner
        do { signer = try QRTokenSigner(keyID: first.id, keyBytes: first.bytes) } catch {
            throw ReplayError("\(first.origin): \(error)")
        }
        for key in keys.dropFirst() {
            do { try signer.rotate(to: key.id, key: .init(data: key.bytes)) } catch {
                throw ReplayError("\(key.origin): \(error)")
            }
        }
        return signer
    }

    func policy(named name: String) throws(ReplayError) -> any AllocationPolicy {
        switch name {
        case "home-earliest": return HomeOfficeEarliestPolicy()
        case "kecamatan-earliest": return KecamatanEarliestPolicy()
        case "least-loaded": return LeastLoadedPolicy(maxDistanceKm: leastLoadedMaxDistanceKm ?? 5)
        case "overbooking":
            var rates: [OfficeID: [Weekday: Double]] = [:]
            for (office, byDay) in noShowRates ?? [:] { rates[OfficeID(office)] = byDay }
            return OverbookingPolicy(
                base: HomeOfficeEarliestPolicy(), noShowRates: rates, defaultRate: defaultNoShowRate ?? 0)
        default:
            throw ReplayError(
                "--policy: unknown policy '\(name)' (home-earliest, kecamatan-earliest, least-loaded, overbooking)",
                status: ExitStatus.usage)
        }
    }
}

/// A replay that cannot start or go on, with the exit status it ends the process with (``ExitStatus``).
struct ReplayError: Error, CustomStringConvertible {
    var description: String
    var status: ExitCode
    init(_ description: String, status: ExitCode = ExitStatus.badInput) {
        self.description = description
        self.status = status
    }
}
