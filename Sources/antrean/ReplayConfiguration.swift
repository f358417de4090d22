import AntreanAllocator
import ArgumentParser
import Foundation

/// The `--config` file of `antrean replay` (JSON): the allocator's configuration plus the secrets and
/// policy parameters a replay needs. Secrets in a file are fine for replaying traces, not for production.
struct ReplayConfiguration: Decodable {
    var offices: [OfficeConfig]
    var services: [ServiceConfig]
    var rules: AllocatorRules?
    /// Pepper of the NIK hash (UTF-8, at least 16 bytes).
    var nikPepper: String
    /// QR signing keys; the last one is current.
    var tokenKeys: [TokenKey]
    /// Predicted no-show rates per office and weekday, for `--policy overbooking`.
    var noShowRates: [String: [Weekday: Double]]?
    var defaultNoShowRate: Double?
    /// Travel constraint of `--policy least-loaded`.
    var leastLoadedMaxDistanceKm: Double?

    struct TokenKey: Decodable {
        var id: String
        var secret: String
    }

    var allocatorConfiguration: AllocatorConfiguration {
        AllocatorConfiguration(offices: offices, services: services, rules: rules ?? AllocatorRules())
    }

    static func load(path: String) throws -> ReplayConfiguration {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ReplayError("\(path): cannot read: \(error.localizedDescription)", status: ExitStatus.missingInput)
        }
        let configuration: ReplayConfiguration
        do { configuration = try JSONDecoder().decode(ReplayConfiguration.self, from: data) } catch {
            throw ReplayError("\(path): \(describe(error))")
        }
        guard configuration.nikPepper.utf8.count >= 16 else {
            throw ReplayError("\(path): nikPepper: needs at least 16 bytes")
        }
        guard !configuration.tokenKeys.isEmpty else { throw ReplayError("\(path): tokenKeys: needs at least one key") }
        for (index, key) in configuration.tokenKeys.enumerated()
        where key.id.isEmpty || key.id.contains(".") || key.secret.utf8.count < 16 {
            throw ReplayError("\(path): tokenKeys[\(index)]: id must be non-empty without dots, secret ≥ 16 bytes")
        }
        do { try configuration.allocatorConfiguration.validate() } catch { throw ReplayError("\(path): \(error)") }
        return configuration
    }

    var tokenSigner: QRTokenSigner {
        var signer = QRTokenSigner(keyID: tokenKeys[0].id, keyBytes: Array(tokenKeys[0].secret.utf8))
        for key in tokenKeys.dropFirst() { signer.rotate(to: key.id, key: .init(data: Array(key.secret.utf8))) }
        return signer
    }

    var nikHasher: NIKHasher { NIKHasher(pepperBytes: Array(nikPepper.utf8)) }

    func policy(named name: String) throws -> any AllocationPolicy {
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
                "--policy: unknown policy '\(name)' (home-earliest, kecamatan-earliest, least-loaded, overbooking)")
        }
    }
}

struct ReplayError: Error, CustomStringConvertible {
    var description: String
    /// Bad input data unless said (a file that cannot be read, a store that fails).
    var status: ExitCode
    init(_ description: String, status: ExitCode = ExitStatus.badInput) {
        self.description = description
        self.status = status
    }
}

/// A decoding error as "field.path: what is wrong".
func describe(_ error: any Error) -> String {
    guard let decoding = error as? DecodingError else { return "\(error)" }
    func path(_ context: DecodingError.Context) -> String {
        let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(top level)" : text)
    }
    switch decoding {
    case .keyNotFound(let key, let context):
        let parent = path(context)
        return (parent == "(top level)" ? "" : parent + ".") + key.stringValue + ": missing"
    case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
    case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), found null"
    case .dataCorrupted(let context):
        let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return "\(path(context)): \(underlying ?? context.debugDescription)"
    @unknown default: return "\(error)"
    }
}
