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
public struct OceanCarbon: Sendable {
    public let parameters: OceanCarbonParameters
    public let layers: OceanLayerGrid
    /// Preindustrial mixed-layer DIC, µmol kg⁻¹, in equilibrium with the preindustrial atmosphere.
    public let preindustrialDIC: Double
    public let preindustrialHydrogenIon: Double
    /// PgC per (µmol kg⁻¹ · m) per m² of ocean area → multiply by the band's ocean area.
    public static let petagramsPerMicromolMetreSquareMetre = PhysicalConstants.seawaterDensity * 1e-6 * PhysicalConstants.carbonMolarMass * 1e-15

    public init(parameters: OceanCarbonParameters, ocean: OceanParameters, preindustrialCO2PPM: Double) {
        self.parameters = parameters
        layers = OceanLayerGrid(thicknessMetres: ocean.layerThicknessMetres)
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
    
    public func surfacePCO2(dicAnomaly: Double, alkalinityAnomaly: Double = 0, constants: CarbonateConstants, hydrogenGuess: inout Double,
                            iterations: Int = 3) -> Double {
        CarbonateChemistry.pCO2(dicMicromolPerKg: preindustrialDIC + dicAnomaly, alkalinityMicromolPerKg: parameters.surfaceAlkalinity + alkalinityAnomaly,
                                constants: constants, hydrogenGuess: &hydrogenGuess, iterations: iterations)
    }

    /// First half of the coupled solve for one band: builds the column system with the linearised gas
    /// exchange and solves it for two right-hand sides. Afterwards `base[k] + atmosphere·slope[k]` is the
    /// new DIC anomaly for a new atmospheric carbon `atmosphere` (PgC). Returns the affine air–sea flux
    /// F = u + v·C_atm' (PgC yr⁻¹ into the ocean) for this band.
    
    public func prepareBand(dic x: UnsafePointer<Double>, alkalinityAnomaly alk: Double = 0, mixing column: ColumnMixing, hydrogenIon: inout Double,
                            warming: Double, oceanAreaSquareMetres: Double,
                            dt: Double, workspace w: UnsafeMutablePointer<Double>,
                            base: UnsafeMutablePointer<Double>, slope: UnsafeMutablePointer<Double>,
                            constants: inout CarbonateConstants) -> (u: Double, v: Double) {
        let n = column.count
        let sst = parameters.preindustrialSeaSurfaceTemperature + warming
        constants = CarbonateConstants(temperatureCelsius: sst, salinity: parameters.surfaceSalinity)
        var h = hydrogenIon
        let pOcean = surfacePCO2(dicAnomaly: x[0], alkalinityAnomaly: alk, constants: constants, hydrogenGuess: &h)
        hydrogenIon = h
        // ∂pCO2/∂DIC by a one-sided difference of 1 µmol/kg (the Revelle factor in disguise); from the
        // converged H two solver passes are exact to ~1e-8 (quadratic convergence).
        var h2 = h
        let gradient = surfacePCO2(dicAnomaly: x[0] + 1, alkalinityAnomaly: alk, constants: constants, hydrogenGuess: &h2, iterations: 2) - pOcean
        // Piston velocity k·(Sc/660)^-1/2 in m yr⁻¹ times solubility: (µmol kg⁻¹ · m yr⁻¹) per µatm (Wanninkhof 2014).
        let pistonMetresPerYear = parameters.gasTransferVelocity * 0.01 * 24 * 365.25 / (Self.schmidtNumber(temperatureCelsius: sst) / 660).squareRoot()
        let kappa = pistonMetresPerYear * constants.k0
        let massFactor = Self.petagramsPerMicromolMetreSquareMetre * oceanAreaSquareMetres
        let perPPM = 1 / AtmosphericMass.pgCPerPpmCO2
        // Mixed-layer row with the linearised gas exchange; base = response to everything known, slope = to C_atm'.
        let d0 = column.surfaceDiagonal + dt * kappa * gradient
        let u0 = column.surfaceUpper
        for k in 0..<n { base[k] = x[k] }
        column.solve(base, surfaceDiagonal: d0, surfaceUpper: u0,
                     surfaceRHS: column.surfaceRightHandSide(mixedOld: x[0]) + dt * kappa * (gradient * x[0] - pOcean), scratch: w)
        column.unitSurfaceResponse(surfaceDiagonal: d0, surfaceUpper: u0, into: slope)
        let forcingPerAtmosphere = dt * kappa * perPPM
        for k in 0..<n { slope[k] *= forcingPerAtmosphere }
        let u = massFactor * kappa * (-pOcean - gradient * (base[0] - x[0]))
        let v = massFactor * kappa * (perPPM - gradient * slope[0])
        return (u, v)
    }

    /// Carbon in a column's DIC anomaly, PgC.
    
    public func carbonInventory(dic x: UnsafePointer<Double>, oceanAreaSquareMetres: Double) -> Double {
        var sum = 0.0
        layers.thicknessMetres.withUnsafeBufferPointer { dz in
            for k in 0..<dz.count { sum += dz[k] * x[k] }
        }
        return sum * Self.petagramsPerMicromolMetreSquareMetre * oceanAreaSquareMetres
    }

    /// Ocean alkalinity enhancement: adds `pmolPerYear` of alkalinity, spread over `totalOceanAreaSquareMetres`, to the
    /// mixed layer of the column `a` (µmol kg⁻¹ anomaly) and mixes it like DIC (Keller et al. 2018, GMD 11, 1133, §3.4).
    @inline(__always)
    public static func stepAlkalinity(_ a: UnsafeMutablePointer<Double>, pmolPerYear: Double, totalOceanAreaSquareMetres: Double,
                                      mixing column: ColumnMixing, dt: Double, scratch: UnsafeMutablePointer<Double>) {
        // Pmol yr⁻¹ → µmol kg⁻¹ · m yr⁻¹ per m² of ocean.
        let flux = pmolPerYear * 1e21 / (PhysicalConstants.seawaterDensity * totalOceanAreaSquareMetres)
        column.solve(a, surfaceDiagonal: column.surfaceDiagonal, surfaceUpper: column.surfaceUpper,
                     surfaceRHS: column.surfaceRightHandSide(mixedOld: a[0]) + dt * flux, scratch: scratch)
    }
}
