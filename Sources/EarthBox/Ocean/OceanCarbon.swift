/// Ocean carbon: surface carbonate chemistry, air–sea CO2 exchange and DIC carried down by the same
/// upwelling–diffusion as heat (HILDA/Bern model practice, Joos et al. 1996; Hector v3, Hartin et al. 2016;
/// BernSCM, Strassmann & Joos 2018, GMD 11, 1887).
///
/// The atmosphere, every band's mixed layer and its deep layers are solved together, implicitly, each
/// year: the flux k·K0·(pCO2_atm − pCO2_ocean) is linearised about the start-of-year ocean pCO2 (one
/// Newton step of backward Euler), which stays stable with a one-year step although the mixed layer
/// equilibrates with the atmosphere in about a year. Each band's column is a tridiagonal system whose
/// solution is affine in the unknown atmospheric carbon, so the well-mixed atmosphere couples all bands
/// through one scalar equation (a Schur complement) — the same code for one band or many.
public struct OceanCarbon: EarthSystemComponent {
    public let parameters: OceanCarbonParameters
    public let layers: OceanLayerGrid
    /// The ocean's vertical transport, which carries DIC as it carries heat, with DIC's own diffusivity
    /// (`OceanCarbonParameters.verticalDiffusivity`, 0 = the heat's).
    public let transport: OceanTransport
    /// The carbon cycle sees preindustrial CO2 (C4MIP `-rad`).
    public let radiativelyCoupled: Bool
    /// Ocean area of each band and in total, m².
    public let oceanArea: [Double]
    public let totalOceanArea: Double
    public let mode: CarbonMode
    public let preindustrialCO2PPM: Double
    /// Preindustrial mixed-layer DIC, µmol kg⁻¹, in equilibrium with the preindustrial atmosphere.
    public let preindustrialDIC: Double
    public let preindustrialHydrogenIon: Double
    /// The carbonate constants' salinity terms at the surface salinity (the same every step).
    public let surfaceSalinityTerms: CarbonateConstants.SalinityTerms
    /// PgC per (µmol kg⁻¹ · m) per m² of ocean area → multiply by the band's ocean area.
    public static let petagramsPerMicromolMetreSquareMetre = PhysicalConstants.seawaterDensity * 1e-6 * PhysicalConstants.carbonMolarMass * 1e-15

    public init(parameters: OceanCarbonParameters, ocean: Ocean, grid: LatitudeGrid, preindustrialCO2PPM: Double, mode: CarbonMode,
                coupling: CarbonCycleCoupling = .full) {
        self.parameters = parameters
        layers = ocean.layers
        if parameters.verticalDiffusivity > 0 {
            var tracer = ocean.parameters
            tracer.verticalDiffusivity = parameters.verticalDiffusivity
            tracer.southernOceanMixingFactor = parameters.southernOceanMixingFactor
            transport = OceanTransport(tracer, grid: grid)
        } else {
            transport = ocean.transport
        }
        radiativelyCoupled = coupling == .radiative
        self.mode = mode
        self.preindustrialCO2PPM = preindustrialCO2PPM
        surfaceSalinityTerms = CarbonateConstants.SalinityTerms(salinity: parameters.surfaceSalinity)
        var area = [Double]()
        for b in 0..<grid.count {
            area.append(PhysicalConstants.earthSurfaceAreaSquareMetres * grid.areaWeights[b] * grid.oceanFraction(b))
        }
        oceanArea = area
        totalOceanArea = area.reduce(0, +)
        let constants = CarbonateConstants(temperatureCelsius: parameters.preindustrialSeaSurfaceTemperature, salinity: parameters.surfaceSalinity)
        preindustrialDIC = CarbonateChemistry.dicInEquilibrium(pCO2Microatm: preindustrialCO2PPM, alkalinityMicromolPerKg: parameters.surfaceAlkalinity, constants: constants)
        var h = 1e-8
        _ = CarbonateChemistry.pCO2(dicMicromolPerKg: preindustrialDIC, alkalinityMicromolPerKg: parameters.surfaceAlkalinity, constants: constants, hydrogenGuess: &h)
        for _ in 0..<20 { _ = CarbonateChemistry.pCO2(dicMicromolPerKg: preindustrialDIC, alkalinityMicromolPerKg: parameters.surfaceAlkalinity, constants: constants, hydrogenGuess: &h) }
        preindustrialHydrogenIon = h
    }

    /// Schmidt number of CO2 in seawater (Wanninkhof 2014, Table 1).
    public static func schmidtNumber(temperatureCelsius t: Double) -> Double {
        2116.8 + t * (-136.25 + t * (4.7353 + t * (-0.092307 + t * 0.0007555)))
    }

    /// Surface pCO2 (µatm) of a mixed layer with DIC anomaly `dicAnomaly` at temperature anomaly `warming`.
    @inline(__always)
    public func surfacePCO2(dicAnomaly: Double, alkalinityAnomaly: Double = 0, constants: CarbonateConstants, hydrogenGuess: inout Double,
                            iterations: Int = 3) -> Double {
        CarbonateChemistry.pCO2(dicMicromolPerKg: preindustrialDIC + dicAnomaly, alkalinityMicromolPerKg: parameters.surfaceAlkalinity + alkalinityAnomaly,
                                constants: constants, hydrogenGuess: &hydrogenGuess, iterations: iterations)
    }

    /// First half of the coupled solve for one band: builds the column system with the linearised gas
    /// exchange and solves it for two right-hand sides. Afterwards `base[k] + atmosphere·slope[k]` is the
    /// new DIC anomaly for a new atmospheric carbon `atmosphere` (PgC). Returns the affine air–sea flux
    /// F = u + v·C_atm' (PgC yr⁻¹ into the ocean) for this band. `constants` are the carbonate constants at the
    /// band's sea-surface temperature `sst` (°C), which the caller computes before it takes the band's column: an
    /// opaque call while the column is held costs a retain and a release every step.
    @inline(__always)
    public func prepareBand<Transport: VerticalTransport>(dic x: UnsafePointer<Double>, alkalinityAnomaly alk: Double = 0, mixing column: Transport,
                                                         hydrogenIon: inout Double, sst: Double, oceanAreaSquareMetres: Double,
                            dt: Double, workspace w: UnsafeMutablePointer<Double>,
                            base: UnsafeMutablePointer<Double>, slope: UnsafeMutablePointer<Double>,
                            constants: CarbonateConstants) -> (u: Double, v: Double) {
        var h = hydrogenIon
        let pOcean = surfacePCO2(dicAnomaly: x[0], alkalinityAnomaly: alk, constants: constants, hydrogenGuess: &h)
        hydrogenIon = h
        // ∂pCO2/∂DIC by a one-sided difference of 1 µmol/kg (the Revelle factor in disguise); from the
        // converged H two solver passes are exact to ~1e-8 (quadratic convergence).
        var h2 = h
        let gradient = surfacePCO2(dicAnomaly: x[0] + 1, alkalinityAnomaly: alk, constants: constants, hydrogenGuess: &h2, iterations: 2) - pOcean
        // Piston velocity k·(Sc/660)^-1/2 in m yr⁻¹ times solubility: (µmol kg⁻¹ · m yr⁻¹) per µatm (Wanninkhof 2014).
        let pistonMetresPerYear = parameters.gasTransferVelocity * 0.01 * 24 * 365.25 / _sqrt(Self.schmidtNumber(temperatureCelsius: sst) / 660)
        let kappa = pistonMetresPerYear * constants.k0
        let massFactor = Self.petagramsPerMicromolMetreSquareMetre * oceanAreaSquareMetres
        let perPPM = 1 / AtmosphericMass.pgCPerPpmCO2
        // Mixed-layer row with the linearised gas exchange; base = response to everything known, slope = to C_atm'.
        let d0 = column.surfaceDiagonal + dt * kappa * gradient
        let u0 = column.surfaceUpper
        column.solve(from: x, into: base, surfaceDiagonal: d0, surfaceUpper: u0,
                     surfaceRHS: column.surfaceRightHandSide(mixedOld: x[0]) + dt * kappa * (gradient * x[0] - pOcean), scratch: w)
        let forcingPerAtmosphere = dt * kappa * perPPM
        column.unitSurfaceResponse(surfaceDiagonal: d0, surfaceUpper: u0, scale: forcingPerAtmosphere, into: slope)
        let u = massFactor * kappa * (-pOcean - gradient * (base[0] - x[0]))
        let v = massFactor * kappa * (perPPM - gradient * slope[0])
        return (u, v)
    }

    /// Carbon in a column's DIC anomaly, PgC.
    @inline(__always)
    public func carbonInventory(dic x: UnsafePointer<Double>, oceanAreaSquareMetres: Double) -> Double {
        var sum = 0.0
        layers.thicknessMetres.withUnsafeBufferPointer { dz in
            for k in 0..<dz.count { sum += dz[k] * x[k] }
        }
        return sum * Self.petagramsPerMicromolMetreSquareMetre * oceanAreaSquareMetres
    }

    /// The atmosphere's carbon and every band's ocean carbon.
    public struct State {
        /// Atmospheric carbon, PgC.
        public let atmosphere: UnsafeMutablePointer<Double>
        /// Alkalinity added to the ocean so far, Pmol.
        public var cumulativeAlkalinity: UnsafeMutablePointer<Double> { @inline(__always) get { atmosphere + 1 } }
        /// Per band: DIC anomaly of each layer, µmol kg⁻¹ (layerCount values), then the mixed layer's last
        /// hydrogen-ion concentration, mol kg⁻¹ (the carbonate solver's first guess), then the alkalinity anomaly of
        /// each layer from alkalinity enhancement, µmol kg⁻¹ (layerCount values).
        public let bands: BandBlocks<Double>
        public let layerCount: Int
        @inline(__always) public func dic(_ b: Int) -> UnsafeMutablePointer<Double> { bands[b] }
        @inline(__always) public func hydrogenIon(_ b: Int) -> UnsafeMutablePointer<Double> { bands[b] + layerCount }
        @inline(__always) public func alkalinity(_ b: Int) -> UnsafeMutablePointer<Double> { bands[b] + layerCount + 1 }
    }

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("atmosphere_carbon", "PgC", scope: .global, preindustrial: "preindustrial CO2 × PgC per ppm"),
         StateSlot("cumulative_alkalinity", "Pmol", scope: .global, preindustrial: "0"),
         StateSlot("dic_change", "umol kg-1", count: shape.layerCount, scope: .perBand, preindustrial: "0 in every layer (anomaly)"),
         StateSlot("hydrogen_ion", "mol kg-1", scope: .perBand, preindustrial: "the mixed layer's in equilibrium with preindustrial CO2"),
         StateSlot("alkalinity_change", "umol kg-1", count: shape.layerCount, scope: .perBand, preindustrial: "0 in every layer (anomaly)")]
    }

    public static var diagnostics: [Diagnostic] {
        [.co2Concentration, .atmosphereCarbon, .oceanCarbonUptake, .fossilEmissions, .oceanCarbonAnomaly, .surfaceOceanPCO2, .surfaceOceanPH,
         .oceanAlkalinityAddition, .airborneFraction]
    }

    /// This component's view of a member's state.
    @inline(__always)
    public func view(_ v: UnsafeMutablePointer<Double>, block: StateBlock) -> State {
        State(atmosphere: block.globals(v), bands: block.bands(v), layerCount: layers.layerCount)
    }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let state = view(v, block: block)
        state.atmosphere.pointee = preindustrialCO2PPM * AtmosphericMass.pgCPerPpmCO2
        state.cumulativeAlkalinity.pointee = 0
        for b in 0..<oceanArea.count {
            for k in 0..<layers.layerCount { state.dic(b)[k] = 0; state.alkalinity(b)[k] = 0 }
            state.hydrogenIon(b).pointee = preindustrialHydrogenIon
        }
    }


    /// What the atmosphere–ocean carbon solve needs this year.
    public struct Inputs {
        /// Fossil CO2 emissions prescribed, PgC yr⁻¹ (ignored when concentrations are prescribed).
        public let fossilEmissions: Double
        /// Carbon taken up by the land this year, PgC yr⁻¹ (net of all it emitted, as CO2 and CH4).
        public let landUptake: Double
        /// Carbon the land emitted as CH4 this year, PgC yr⁻¹: it leaves the land but not into the CO2 of the atmosphere.
        public let landMethane: Double
        /// Carbon removed to a geological store this year, PgC yr⁻¹.
        public let geologicalRemoval: Double
        /// Alkalinity added to the mixed layer this year, Pmol yr⁻¹.
        public let alkalinity: Double
        /// Prescribed CO2, ppm (used when concentrations are prescribed).
        public let prescribedCO2PPM: Double
        /// Ocean temperature columns (the mixed layer's start-of-year warming sets the carbonate chemistry).
        public let oceanTemperature: BandBlocks<Double>
        public let dt: Double
        /// Where to write each band's air-to-sea flux, PgC yr⁻¹, if wanted.
        public let bandUptake: UnsafeMutablePointer<Double>?
        /// This year follows `prescribedCO2PPM` although the run is emission-driven (`ModelConfiguration.co2EmissionsStartYear`).
        public var followsPrescribedCO2 = false
    }

    /// The year's carbon exchange between atmosphere and ocean.
    public struct Fluxes {
        /// Air-to-sea flux, PgC yr⁻¹.
        public var oceanUptake = 0.0
        /// Fossil emissions used: prescribed, or compatible with prescribed concentrations, PgC yr⁻¹.
        public var fossilEmissions = 0.0
        /// Ocean carbon relative to preindustrial at the end of the year, PgC.
        public var oceanCarbon = 0.0
        /// Ocean-area means of the mixed layer's pCO2 (µatm) and hydrogen-ion concentration (mol kg⁻¹).
        public var surfacePCO2 = 0.0
        public var surfaceHydrogenIon = 0.0
    }

    /// Per band: the column response to the atmosphere (base and slope), six carbonate constants and the start inventory.
    public struct Scratch {
        let column: UnsafeMutablePointer<Double>
        let base: UnsafeMutablePointer<Double>
        let slope: UnsafeMutablePointer<Double>
        let saved: UnsafeMutablePointer<Double>
        /// Per band: the carbon of the new column, PgC (`carbonInventory`), for the coupler's ledger.
        public let inventory: UnsafeMutablePointer<Double>
    }

    public func makeScratch(in arena: ScratchArena) -> Scratch {
        let n = layers.layerCount, bands = oceanArea.count
        return Scratch(column: arena.take(n), base: arena.take(bands * n), slope: arena.take(bands * n), saved: arena.take(7 * bands),
                       inventory: arena.take(bands))
    }

    /// Atmosphere and ocean carbon, solved together: every band's column is affine in the new atmospheric carbon,
    /// so one scalar equation (a Schur complement) closes the well-mixed atmosphere.
    @inline(__always)
    public func step(_ state: State, _ inputs: Inputs, scratch: Scratch) -> Fluxes {
        transport.visit(SolveCarbon(carbon: self, state: state, inputs: inputs, scratch: scratch))
    }

    @inline(__always)
    func step<Transport: VerticalTransport>(_ state: State, _ inputs: Inputs, transport: [Transport], scratch: Scratch) -> Fluxes {
        let dt = inputs.dt, n = layers.layerCount, bands = oceanArea.count
        let bases = scratch.base, slopes = scratch.slope, saved = scratch.saved
        var sumU = 0.0, sumV = 0.0, oceanBefore = 0.0
        state.cumulativeAlkalinity.pointee += inputs.alkalinity * dt
        for b in 0..<bands {
            let alkalinity = state.alkalinity(b)
            if inputs.alkalinity != 0 || alkalinity[0] != 0 {
                addAlkalinity(alkalinity, pmolPerYear: inputs.alkalinity, mixing: transport[b], dt: dt, scratch: scratch.column)
            }
            let before = carbonInventory(dic: state.dic(b), oceanAreaSquareMetres: oceanArea[b])
            oceanBefore += before
            let sst = parameters.preindustrialSeaSurfaceTemperature + inputs.oceanTemperature[b][0]
            let constants = CarbonateConstants(temperatureCelsius: sst, salinity: surfaceSalinityTerms)
            let (u, s) = prepareBand(dic: state.dic(b), alkalinityAnomaly: alkalinity[0], mixing: transport[b], hydrogenIon: &state.hydrogenIon(b).pointee,
                                     sst: sst, oceanAreaSquareMetres: oceanArea[b], dt: dt,
                                     workspace: scratch.column, base: bases + b * n, slope: slopes + b * n, constants: constants)
            let keep = saved + 7 * b
            keep[0] = constants.k0; keep[1] = constants.k1; keep[2] = constants.k2
            keep[3] = constants.kb; keep[4] = constants.kw; keep[5] = constants.totalBoron; keep[6] = before
            sumU += u
            sumV += s
        }
        let atmosphereOld = state.atmosphere.pointee
        let emissionDriven = mode == .emissions && !inputs.followsPrescribedCO2
        // Besides the land and the ocean, carbon leaves the atmosphere's CO2 to a geological store, and the land's CH4
        // carbon never enters it (it is booked in the ledger).
        let otherSinks = inputs.landUptake + inputs.landMethane + inputs.geologicalRemoval
        let atmosphereNew: Double
        if emissionDriven {
            atmosphereNew = (atmosphereOld + dt * (inputs.fossilEmissions - otherSinks) - dt * sumU) / (1 + dt * sumV)
        } else {
            atmosphereNew = inputs.prescribedCO2PPM * AtmosphericMass.pgCPerPpmCO2
        }
        var fluxes = Fluxes()
        // A radiatively coupled ocean sees preindustrial CO2 (C4MIP -rad).
        let seen = radiativelyCoupled ? preindustrialCO2PPM * AtmosphericMass.pgCPerPpmCO2 : atmosphereNew
        finishBands(state, atmosphere: seen, inputs: inputs, scratch: scratch, into: &fluxes)
        let oceanUptake = (fluxes.oceanCarbon - oceanBefore) / dt
        fluxes.oceanUptake = oceanUptake
        if emissionDriven {
            // The atmosphere takes exactly what the other reservoirs did not: carbon is conserved to round-off.
            state.atmosphere.pointee = atmosphereOld + dt * (inputs.fossilEmissions - otherSinks - oceanUptake)
            fluxes.fossilEmissions = inputs.fossilEmissions
        } else {
            state.atmosphere.pointee = atmosphereNew
            fluxes.fossilEmissions = (atmosphereNew - atmosphereOld) / dt + oceanUptake + otherSinks
        }
        return fluxes
    }

    /// Second half of the solve: every band's new column for the new atmospheric carbon, its inventory and surface chemistry.
    @inline(__always)
    func finishBands(_ state: State, atmosphere atmosphereNew: Double, inputs: Inputs, scratch: Scratch, into fluxes: inout Fluxes) {
        let dt = inputs.dt, n = layers.layerCount
        var oceanAfter = 0.0, surfacePCO2 = 0.0, surfaceH = 0.0
        for b in 0..<oceanArea.count {
            let column = state.dic(b), base = scratch.base + b * n, slope = scratch.slope + b * n
            // The new column and its carbon in one pass (the sum of `carbonInventory`, in its order).
            var sum = 0.0
            layers.thicknessMetres.withUnsafeBufferPointer { dz in
                for k in 0..<n {
                    column[k] = base[k] + atmosphereNew * slope[k]
                    sum += dz[k] * column[k]
                }
            }
            let after = sum * Self.petagramsPerMicromolMetreSquareMetre * oceanArea[b]
            scratch.inventory[b] = after
            oceanAfter += after
            let wf = oceanArea[b] / totalOceanArea
            let keep = scratch.saved + 7 * b
            inputs.bandUptake?[b] = (after - keep[6]) / dt
            let constants = CarbonateConstants(k0: keep[0], k1: keep[1], k2: keep[2], kb: keep[3], kw: keep[4], totalBoron: keep[5])
            var hg = state.hydrogenIon(b).pointee
            surfacePCO2 += wf * self.surfacePCO2(dicAnomaly: column[0], alkalinityAnomaly: state.alkalinity(b)[0], constants: constants,
                                                 hydrogenGuess: &hg, iterations: 2)
            state.hydrogenIon(b).pointee = hg
            surfaceH += wf * hg
        }
        fluxes.oceanCarbon = oceanAfter
        fluxes.surfacePCO2 = surfacePCO2
        fluxes.surfaceHydrogenIon = surfaceH
    }

    /// Ocean alkalinity enhancement: adds `pmolPerYear` of alkalinity, spread over the whole ocean, to the mixed layer of
    /// the column `a` (µmol kg⁻¹ anomaly) and mixes it like DIC (Keller et al. 2018, GMD 11, 1133, §3.4).
    @inline(__always)
    func addAlkalinity<Transport: VerticalTransport>(_ a: UnsafeMutablePointer<Double>, pmolPerYear: Double, mixing column: Transport, dt: Double,
                       scratch: UnsafeMutablePointer<Double>) {
        // Pmol yr⁻¹ → µmol kg⁻¹ · m yr⁻¹ per m² of ocean.
        let flux = pmolPerYear * 1e21 / (PhysicalConstants.seawaterDensity * totalOceanArea)
        column.solve(a, surfaceDiagonal: column.surfaceDiagonal, surfaceUpper: column.surfaceUpper,
                     surfaceRHS: column.surfaceRightHandSide(mixedOld: a[0]) + dt * flux, scratch: scratch)
    }
}

private struct SolveCarbon: TransportVisitor {
    let carbon: OceanCarbon, state: OceanCarbon.State, inputs: OceanCarbon.Inputs, scratch: OceanCarbon.Scratch
    @inline(__always)
    func visit<Transport: VerticalTransport>(_ transport: [Transport]) -> OceanCarbon.Fluxes {
        carbon.step(state, inputs, transport: transport, scratch: scratch)
    }
}
