/// Stochastic forcing that stands for weather and ocean-atmosphere noise the model does not resolve:
/// an AR(1) process in the surface energy balance (Hasselmann 1976, Tellus 28, 473; Cummins, Stephenson
/// & Stott 2020, J. Clim 33, 7447). Off by default; seeded per member, so realisations are reproducible.
public struct VariabilityParameters: Sendable, Equatable {
    public var enabled = false
    /// Standard deviation of the annual stochastic forcing, W m⁻² (Cummins et al. 2020 fits to CMIP6: ~0.5–0.7).
    public var forcingStandardDeviation = 0.6
    /// Lag-one autocorrelation of the forcing (0 = white noise).
    public var autocorrelation = 0.3
    /// Seed of the member's random stream.
    public var seed = 20_251_124

    public init() {}
}

public struct InternalVariability: EarthSystemComponent {
    public let parameters: VariabilityParameters
    let innovationScale: Double

    public init(parameters: VariabilityParameters) {
        self.parameters = parameters
        innovationScale = parameters.forcingStandardDeviation * (1 - parameters.autocorrelation * parameters.autocorrelation).squareRoot()
    }

    /// Advances the AR(1) state and returns this year's stochastic forcing, W m⁻².
    @inline(__always)
    public func next(state: inout Double, random: inout Xoshiro256StarStar) -> Double {
        guard parameters.enabled else { return 0 }
        state = parameters.autocorrelation * state + innovationScale * random.nextStandardNormal()
        return state
    }

    /// The AR(1) forcing and the member's random stream.
    public struct State {
        public let forcing: UnsafeMutablePointer<Double>
        public let random: UnsafeMutablePointer<Xoshiro256StarStar>
    }

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("stochastic_forcing", "W m-2", scope: .global, preindustrial: "0 (the random stream is stored beside the vector)")]
    }

    public static var diagnostics: [Diagnostic] { [.erfStochastic] }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) { block.globals(v).pointee = 0 }

    public typealias Inputs = Void

    /// This year's stochastic forcing, W m⁻².
    @inline(__always)
    public func step(_ state: State, _ inputs: Void = (), scratch: NoScratch = NoScratch()) -> Double {
        next(state: &state.forcing.pointee, random: &state.random.pointee)
    }
}
