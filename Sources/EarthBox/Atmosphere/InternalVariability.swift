#if canImport(Glibc)
import Glibc
#endif

/// Stochastic forcing that stands for weather and ocean-atmosphere noise the model does not resolve:
/// an AR(1) process in each band's surface energy balance (Hasselmann 1976, Tellus 28, 473; Cummins, Stephenson
/// & Stott 2020, J. Clim 33, 7447), correlated between bands over a meridional length scale and stronger toward
/// the poles. The mixed layer and the deep ocean integrate it into red temperature variability. Off by default;
/// seeded per member, so realisations are reproducible.
public struct VariabilityParameters: Sendable, Equatable {
    public var enabled = false
    /// Standard deviation of the global-mean annual stochastic forcing, W m⁻² (Cummins et al. 2020 fits to CMIP6:
    /// ~0.5–0.7); the bands' amplitudes are scaled so their area mean has it.
    public var forcingStandardDeviation = 0.6
    /// Lag-one autocorrelation of the forcing (0 = white noise). White: the mixed layer and the deep ocean give
    /// GMST its memory (Hasselmann 1976), and with them the 30-member SSP2-4.5 ensemble has the lag-1
    /// autocorrelation (0.50) and standard deviation (0.11 K) of observed GMST about the forced run (IGCC 2025:
    /// 0.55, 0.118 K); Cummins et al.'s 0.3 for the forcing gave 0.72.
    public var autocorrelation = 0.0
    /// e-folding distance of the correlation of the forcing between bands, km. Station temperature anomalies
    /// decorrelate over ~1200 km (Hansen & Lebedeff 1987, JGR 92, 13345), but the bands' diffusion spreads
    /// anomalies on its own (10° apart they correlate at 0.95); the forcing, weather on the synoptic scale, is
    /// given 400 km so tropical and Arctic band anomalies stay as weakly coupled as observed (r < 0.5).
    public var correlationLengthKilometres = 400.0
    /// Growth of the band forcing amplitude toward the poles, σ(φ) ∝ 1 + a·sin²φ: interannual temperature
    /// variability of CMIP piControl runs and observations rises from the tropics to the high latitudes (Hawkins &
    /// Sutton 2012, GRL 39, L01702; Olonscheck et al. 2021, Nat Commun 12, 7237); with a = 1 the 72.5°N band's
    /// interannual spread is 2.5 times the 17.5°N band's.
    public var polewardAmplification = 1.0
    /// Seed of the member's random stream.
    public var seed = 20_251_124

    public init() {}
}

public struct InternalVariability: EarthSystemComponent {
    public let parameters: VariabilityParameters
    /// Innovation of each band's AR(1) forcing per unit correlated normal deviate, W m⁻².
    let innovation: [Double]
    /// Lower Cholesky factor of the bands' correlation matrix exp(−d/ℓ), row-major n×n.
    let correlationFactor: [Double]
    public let bandCount: Int

    public init(parameters: VariabilityParameters, grid: LatitudeGrid) {
        self.parameters = parameters
        let n = grid.count
        bandCount = n
        let x = grid.centresSine, phi = grid.centresDegrees
        let earthRadiusKilometres = 6371.0
        var c = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                let distance = abs(phi[i] - phi[j]) * Double.pi / 180 * earthRadiusKilometres
                c[i * n + j] = _exp(-distance / max(parameters.correlationLengthKilometres, 1e-9))
            }
        }
        let shape = x.map { 1 + parameters.polewardAmplification * $0 * $0 }
        // Scale so the area-mean forcing has the configured standard deviation: Var = Σ wᵢwⱼσᵢσⱼCᵢⱼ.
        var variance = 0.0
        for i in 0..<n { for j in 0..<n { variance += grid.areaWeights[i] * grid.areaWeights[j] * shape[i] * shape[j] * c[i * n + j] } }
        let scale = parameters.forcingStandardDeviation / variance.squareRoot()
        let r = parameters.autocorrelation
        innovation = shape.map { scale * $0 * (1 - r * r).squareRoot() }
        correlationFactor = Self.cholesky(c, n)
    }

    /// Lower Cholesky factor of a symmetric positive definite matrix (Press et al. 2007 §2.9); eigenvalues lost to
    /// round-off on very fine grids are floored so the factor always exists.
    static func cholesky(_ a: [Double], _ n: Int) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j { l[i * n + i] = max(sum, 1e-12).squareRoot() } else { l[i * n + j] = sum / l[j * n + j] }
            }
        }
        return l
    }

    /// Each band's AR(1) forcing, W m⁻².
    public typealias State = BandBlocks<Double>

    public struct Inputs {
        public let random: UnsafeMutablePointer<Xoshiro256StarStar>
        public let areaWeights: UnsafePointer<Double>
    }

    /// One normal deviate per band.
    public struct Scratch {
        let deviates: UnsafeMutablePointer<Double>
    }

    public func makeScratch(in arena: ScratchArena) -> Scratch { Scratch(deviates: arena.take(bandCount)) }

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("stochastic_forcing", "W m-2", scope: .perBand, preindustrial: "0 (the random stream is stored beside the vector)")]
    }

    public static var diagnostics: [Diagnostic] { [.erfStochastic] }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let f = block.bands(v)
        for b in 0..<bandCount { f[b][0] = 0 }
    }

    /// Advances every band's forcing (n deviates a year from the member's stream, in band order, correlated through
    /// the Cholesky factor) and returns its area mean, W m⁻².
    @inline(__always)
    public func step(_ forcing: BandBlocks<Double>, _ inputs: Inputs, scratch: Scratch) -> Double {
        guard parameters.enabled else { return 0 }
        let n = bandCount, z = scratch.deviates, r = parameters.autocorrelation
        for b in 0..<n { z[b] = inputs.random.pointee.nextStandardNormal() }
        var mean = 0.0
        correlationFactor.withUnsafeBufferPointer { l in
            // Bottom row first, so each η_i = Σ_{k≤i} L_ik z_k can overwrite nothing it still needs.
            for i in stride(from: n - 1, through: 0, by: -1) {
                var eta = 0.0
                for k in 0...i { eta += l[i * n + k] * z[k] }
                let f = forcing[i]
                f[0] = r * f[0] + innovation[i] * eta
                mean += inputs.areaWeights[i] * f[0]
            }
        }
        return mean
    }
}
