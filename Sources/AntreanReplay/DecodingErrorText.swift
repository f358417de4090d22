import Foundation

/// A `DecodingError` as "field.path: what is wrong".
public enum DecodingErrorText {
    /// - Parameter echoingValues: whether the decoder's own explanation (which may quote the offending
    ///   text) is included; off for input that may hold personal data, such as a request line's NIK.
    public static func describe(_ error: any Error, echoingValues: Bool = true) -> String {
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
            guard echoingValues else {
                return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): value out of range"
            }
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "\(path(context)): \(underlying ?? context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
