import RealModule

/// Tables of the ziggurat method for the standard exponential distribution (Marsaglia & Tsang
/// 2000, "The ziggurat method for generating random variables", J. Stat. Software 5(8)), with 256
/// layers of equal area. About 98.9% of variates cost one 64-bit random number, one comparison and
/// one multiplication; the rest fall back to an exact rejection step or the exponential tail, so
/// the method is exact. Here the layer comes from the low 8 bits and the 53-bit magnitude from the
/// high bits of the same draw, so the two are independent (the flaw Leong et al. 2005 found in the
/// 32-bit original does not arise).
@usableFromInline
enum ExponentialZiggurat {
    /// Right edge of the base layer, r, and the common layer area v (from the paper).
    static let tailStart = 7.697_117_470_131_049_72
    static let layerArea = 3.949_659_822_581_572e-3

    @usableFromInline
    struct Layer {
        /// Magnitudes below this are inside the layer's rectangle (scaled by 2^53).
        @usableFromInline var threshold: UInt64 = 0
        /// The layer's right edge / 2^53.
        @usableFromInline var width: Double = 0
        /// exp(−right edge).
        @usableFromInline var density: Double = 0
    }

    /// The 256 layers, computed once and never freed (a plain pointer: no reference counting or
    /// bounds checks in the hot path). Immutable after initialisation, hence safe to share.
    @usableFromInline nonisolated(unsafe) static let layers: UnsafePointer<Layer> = makeLayers()

    static func makeLayers() -> UnsafePointer<Layer> {
        let layers = UnsafeMutablePointer<Layer>.allocate(capacity: 256)
        layers.initialize(repeating: Layer(), count: 256)
        let scale = 0x1.0p53
        var edge = tailStart
        var previousEdge = edge
        let base = layerArea / Double.exp(-edge)
        layers[0].threshold = UInt64((edge / base) * scale)
        layers[1].threshold = 0
        layers[0].width = base / scale
        layers[255].width = edge / scale
        layers[0].density = 1
        layers[255].density = Double.exp(-edge)
        for layer in stride(from: 254, through: 1, by: -1) {
            edge = -Double.log(layerArea / edge + Double.exp(-edge))
            layers[layer + 1].threshold = UInt64((edge / previousEdge) * scale)
            previousEdge = edge
            layers[layer].density = Double.exp(-edge)
            layers[layer].width = edge / scale
        }
        return UnsafePointer(layers)
    }

    @inlinable @inline(__always)
    static func sample(_ stream: inout RandomStream) -> Double {
        let bits = stream.next()
        let layer = Int(bits & 255)
        let magnitude = bits >> 11
        let table = layers
        if magnitude < table[layer].threshold { return Double(magnitude) * table[layer].width }
        return sampleSlowly(stream: &stream, layer: layer, magnitude: magnitude)
    }

    @usableFromInline
    static func sampleSlowly(stream: inout RandomStream, layer: Int, magnitude: UInt64) -> Double {
        let table = layers
        var layer = layer
        var magnitude = magnitude
        while true {
            if layer == 0 {
                // The tail beyond r is again exponential (memorylessness).
                return tailStart - Double.log(stream.nextOpenUniform())
            }
            let x = Double(magnitude) * table[layer].width
            let height = table[layer].density + stream.nextUniform() * (table[layer - 1].density - table[layer].density)
            if height < Double.exp(-x) { return x }
            let bits = stream.next()
            layer = Int(bits & 255)
            magnitude = bits >> 11
            if magnitude < table[layer].threshold { return Double(magnitude) * table[layer].width }
        }
    }
}
