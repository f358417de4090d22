/// Comparing secrets (MAC tags, key digests) without an early exit, for the QR token signer, the webhook
/// signature check and the server's client keys: one comparison, so that each keeps the same guarantee.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes, in time that depends only on their lengths: it does not
    /// reveal how much of a forged tag or key was right. O(n).
    @inlinable
    public static func equal(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
