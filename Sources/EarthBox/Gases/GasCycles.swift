/// Concentrations of the non-CO2 greenhouse gases from their emissions.
///
/// Each gas is a well-mixed burden with first-order loss, integrated exactly over the year for constant
/// emissions: B' = B·e^(−Δt/τ) + E·τ·(1 − e^(−Δt/τ)). Natural emissions are whatever keeps the
/// preindustrial concentration steady under the first year's anthropogenic emissions, so a control run
/// does not drift (the usual closure, e.g. Meinshausen, Raper & Wigley 2011, ACP 11, 1417).
public struct GasCycles: EarthSystemComponent {
    public let parameters: GasCycleParameters
    /// CH4, N2O and halogenated gases from emissions, or prescribed.
    public let mode: CarbonMode
    public let halogens: [HalogenatedGas]
    /// Preindustrial concentrations, ppt, per halogenated gas.
    public let halogenPreindustrialPPT: [Double]
    /// Natural emissions that balance the preindustrial state (kt yr⁻¹ for halogens).
    public let halogenNaturalEmissions: [Double]
    public let halogenDecayFactor: [Double]       // e^(−1/τ)
    public let halogenPPTPerKtYear: [Double]      // kt → ppt
    /// ppt gained in a year per kt yr⁻¹ of constant emission: τ·(1 − e^(−1/τ)) in ppt per kt.
    let halogenAnnualGain: [Double]
    public let methaneNaturalEmissions: Double    // Tg yr⁻¹
    public let nitrousOxideNaturalEmissions: Double
    let nitrousOxideDecayFactor: Double

    /// - Parameters:
    ///   - referenceEmissions: the first year's driver row (anthropogenic emissions the preindustrial state must balance).
    public init(parameters: GasCycleParameters, halogens: [HalogenatedGas], halogenPreindustrialPPT: [Double],
                referenceMethaneEmissions: Double, referenceNitrousOxideEmissions: Double, referenceHalogenEmissions: [Double],
                mode: CarbonMode = .emissions) {
        self.parameters = parameters
        self.mode = mode
        self.halogens = halogens
        var natural = [Double](), decay = [Double](), perKt = [Double](), pre = [Double]()
        for (i, gas) in halogens.enumerated() {
            let pptPerKt = 1 / AtmosphericMass.ktPerPpt(molarMass: gas.molarMass)
            // Burden lost per year at the preindustrial concentration, kt yr⁻¹.
            let loss = halogenPreindustrialPPT[i] / pptPerKt / gas.lifetimeYears
            let e = max(0, loss - referenceHalogenEmissions[i])
            natural.append(e)
            // Where anthropogenic 1750 emissions alone exceed the loss, the control state is their steady state.
            pre.append(max(halogenPreindustrialPPT[i], referenceHalogenEmissions[i] * gas.lifetimeYears * pptPerKt))
            decay.append(_exp(-1 / gas.lifetimeYears))
            perKt.append(pptPerKt)
        }
        self.halogenNaturalEmissions = natural
        self.halogenDecayFactor = decay
        self.halogenPPTPerKtYear = perKt
        halogenAnnualGain = halogens.indices.map { perKt[$0] * halogens[$0].lifetimeYears * (1 - decay[$0]) }
        self.halogenPreindustrialPPT = pre
        let methaneBurden = parameters.preindustrialMethanePPB * AtmosphericMass.tgCH4PerPpb
        methaneNaturalEmissions = methaneBurden * Self.methaneLossRate(parameters, burdenRatio: 1, temperatureAnomaly: 0) - referenceMethaneEmissions
        let n2oBurden = parameters.preindustrialNitrousOxidePPB * AtmosphericMass.tgN2OPerPpb
        nitrousOxideNaturalEmissions = n2oBurden / parameters.nitrousOxideLifetimeYears - referenceNitrousOxideEmissions
        nitrousOxideDecayFactor = _exp(-1 / parameters.nitrousOxideLifetimeYears)
    }

    /// Total CH4 loss rate, yr⁻¹.
    @inline(__always)
    static func methaneLossRate(_ p: GasCycleParameters, burdenRatio: Double, temperatureAnomaly: Double) -> Double {
        // τ_OH = τ_OH,0 · (B/B0)^s · e^(κ·ΔT)  (Prather et al. 2012; Thornhill et al. 2021)
        var exponent = p.methaneLifetimeTemperatureSensitivity * temperatureAnomaly
        if p.methaneLifetimeFeedback != 0 { exponent += p.methaneLifetimeFeedback * _log(burdenRatio) }
        let ohLifetime = p.methaneOHLifetimeYears * _exp(exponent)
        return 1 / ohLifetime + 1 / p.methaneStratosphericLifetimeYears + 1 / p.methaneSoilLifetimeYears
    }

    /// One-year CH4 update, ppb.
    @inline(__always)
    public func stepMethane(ppb: Double, emissions: Double, temperatureAnomaly: Double) -> Double {
        let k = AtmosphericMass.tgCH4PerPpb
        let burden = ppb * k
        let rate = Self.methaneLossRate(parameters, burdenRatio: ppb / parameters.preindustrialMethanePPB, temperatureAnomaly: temperatureAnomaly)
        let decay = _exp(-rate)
        let source = emissions + methaneNaturalEmissions
        return max(0, burden * decay + source / rate * (1 - decay)) / k
    }

    /// One-year N2O update, ppb.
    @inline(__always)
    public func stepNitrousOxide(ppb: Double, emissions: Double) -> Double {
        let k = AtmosphericMass.tgN2OPerPpb
        let tau = parameters.nitrousOxideLifetimeYears
        let source = emissions + nitrousOxideNaturalEmissions
        return max(0, ppb * k * nitrousOxideDecayFactor + source * tau * (1 - nitrousOxideDecayFactor)) / k
    }

    /// One-year update of every halogenated gas in place, ppt.
    @inline(__always)
    public func stepHalogens(ppt: UnsafeMutablePointer<Double>, emissions: UnsafePointer<Double>) {
        halogenDecayFactor.withUnsafeBufferPointer { decay in
            halogenNaturalEmissions.withUnsafeBufferPointer { natural in
                halogenAnnualGain.withUnsafeBufferPointer { gain in
                    for i in 0..<decay.count {
                        ppt[i] = max(0, ppt[i] * decay[i] + (emissions[i] + natural[i]) * gain[i])
                    }
                }
            }
        }
    }

    /// The well-mixed non-CO2 gases of a member.
    public struct State {
        public let slots: UnsafeMutablePointer<Double>
        /// CH4 and N2O, ppb.
        public var methane: Double { @inline(__always) get { slots[0] } @inline(__always) nonmutating set { slots[0] = newValue } }
        public var nitrousOxide: Double { @inline(__always) get { slots[1] } @inline(__always) nonmutating set { slots[1] = newValue } }
        /// Every halogenated gas, ppt, in `HalogenatedGasTable` order.
        public var halogens: UnsafeMutablePointer<Double> { @inline(__always) get { slots + 2 } }
    }

    @inline(__always)
    public func view(_ v: UnsafeMutablePointer<Double>, block: StateBlock) -> State { State(slots: block.globals(v)) }

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("methane", "ppb", scope: .global, preindustrial: "preindustrial_ch4"),
         StateSlot("nitrous_oxide", "ppb", scope: .global, preindustrial: "preindustrial_n2o"),
         StateSlot("halogenated_gases", "ppt", count: shape.halogenCount, scope: .global,
                   preindustrial: "RCMIP 1750 concentrations, or the steady state of 1750 emissions where higher")]
    }

    public static var diagnostics: [Diagnostic] { [.methane, .nitrousOxide, .methaneEmissions, .nitrousOxideEmissions] }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let gases = view(v, block: block)
        gases.methane = parameters.preindustrialMethanePPB
        gases.nitrousOxide = parameters.preindustrialNitrousOxidePPB
        for i in 0..<halogens.count { gases.halogens[i] = halogenPreindustrialPPT[i] }
    }

    /// This year's emissions (and prescribed concentrations) and the start-of-year warming.
    public struct Inputs {
        public let drivers: DriverRow
        /// Global surface warming at the start of the year, K (shortens the CH4 lifetime).
        public let temperatureAnomaly: Double
    }
    public typealias Fluxes = Void

    /// One year of every gas: from emissions, or prescribed where the drivers give a concentration.
    @inline(__always)
    public func step(_ gases: State, _ inputs: Inputs, scratch: NoScratch = NoScratch()) {
        let row = inputs.drivers
        if mode == .emissions {
            gases.methane = stepMethane(ppb: gases.methane, emissions: row.methane, temperatureAnomaly: inputs.temperatureAnomaly)
            gases.nitrousOxide = stepNitrousOxide(ppb: gases.nitrousOxide, emissions: row.nitrousOxide)
            stepHalogens(ppt: gases.halogens, emissions: row.halogenEmissions)
        } else {
            gases.methane = row.methaneConcentration
            gases.nitrousOxide = row.nitrousOxideConcentration
            // Gases without a prescribed concentration (NaN in the drivers) follow their emissions.
            stepHalogens(ppt: gases.halogens, emissions: row.halogenEmissions)
            let prescribed = row.halogenConcentrations
            for i in 0..<halogens.count where !prescribed[i].isNaN { gases.halogens[i] = prescribed[i] }
        }
    }
}
