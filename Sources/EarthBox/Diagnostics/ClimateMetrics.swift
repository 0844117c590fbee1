/// The standard emergent metrics of a climate model, each computed the way its protocol defines it.
public struct ClimateMetrics: Sendable {
    /// ECS from the Gregory et al. (2004, GRL 31, L03205) regression of N on T over the 150 years of
    /// abrupt-4xCO2, halved for a doubling.
    public var ecsGregory = 0.0
    /// Equilibrium warming of abrupt-2xCO2 after `equilibriumYears` years.
    public var ecsEquilibrium = 0.0
    /// F2x / λ: the configured ECS, for reference.
    public var ecsConfigured = 0.0
    /// TCR: 1pctCO2 warming averaged over years 61–80 (Meehl et al. 2020, Sci. Adv. 6, eaba1981).
    public var tcr = 0.0
    /// TCRE: TCR divided by cumulative compatible emissions at year 70, K per 1000 PgC.
    public var tcre = 0.0
    /// Cumulative compatible emissions at doubling (year 70 of 1pctCO2), PgC.
    public var cumulativeEmissionsAtDoubling = 0.0
    /// ZEC50 of esm-1pct-brch-1000PgC (Jones et al. 2019, GMD 12, 4375; MacDougall et al. 2020, BG 17, 2987).
    public var zec50 = 0.0
    /// Year (from the start of 1pctCO2) in which cumulative emissions reached 1000 PgC.
    public var branchYear1000PgC = 0
    /// ZEC50 of the ZECMIP branches at 750 and 2000 PgC (esm-1pct-brch-750PgC, -2000PgC; Jones et al. 2019).
    public var zec50For750PgC = 0.0
    public var zec50For2000PgC = 0.0
    /// flat10MIP (Sanderson et al. 2024, GMD 17, 8141; Sanderson et al. 2025, GMD 18, 5699), every warming a
    /// 20-year mean: TCRE of esm-flat10 (warming in years 91–110, at 1000 PgC, per 1000 PgC), ZEC50 and ZEC100
    /// of esm-flat10-zec (years 141–160 and 191–210 minus years 91–110), and of esm-flat10-cdr: TR1000 (years
    /// 191–210, back at 1000 PgC, minus years 91–110), TR0 (years 301–320, after cumulative emissions are back
    /// at zero, relative to preindustrial) and tPW (year of peak warming minus year 150, when emissions cross zero).
    public var flat10WarmingAt1000PgC = 0.0
    public var flat10Zec50 = 0.0
    public var flat10Zec100 = 0.0
    /// esm-flat10-zec CO2 when emissions stop (year 100) and 50 years later, ppm; airborne fraction at year 100.
    public var flat10CO2AtStop = 0.0
    public var flat10CO2FiftyYearsAfterStop = 0.0
    public var flat10AirborneFraction = 0.0
    public var flat10TR1000 = 0.0
    public var flat10TR0 = 0.0
    public var flat10PeakWarmingTiming = 0
    public var flat10CdrPeakWarming = 0.0
    public var flat10CdrWarmingAtZeroCumulative = 0.0
    public var flat10CdrPeakYear = 0
    /// esm-flat10-cdr when cumulative emissions are back at zero (year 300): CO2, and each reservoir's change, PgC.
    public var flat10CO2AtZeroCumulative = 0.0
    public var flat10AtmosphereAtZeroCumulative = 0.0
    public var flat10OceanAtZeroCumulative = 0.0
    public var flat10LandAtZeroCumulative = 0.0
    /// C4MIP feedbacks at 4×CO2 (year 140 of 1pctCO2 and 1pctCO2-bgc; Arora et al. 2020, BG 17, 4173, eqs. 5–6
    /// with the small bgc warming neglected): β = ΔC_bgc/ΔCO2, PgC ppm⁻¹; γ = (ΔC_full − ΔC_bgc)/ΔT_full, PgC K⁻¹.
    public var landBeta = 0.0
    public var landGamma = 0.0
    public var oceanBeta = 0.0
    public var oceanGamma = 0.0
}

/// Runs the diagnostic experiments for one model configuration.
public struct DiagnosticExperiments: Sendable {
    public let configuration: ModelConfiguration
    public let grid: LatitudeGrid
    public let halogenPreindustrialPPT: [Double]
    public let reference: [Double]
    public var equilibriumYears = 5000

    public init(configuration: ModelConfiguration, grid: LatitudeGrid, halogenPreindustrialPPT: [Double], reference: [Double]) {
        self.configuration = configuration
        self.grid = grid
        self.halogenPreindustrialPPT = halogenPreindustrialPPT
        self.reference = reference
    }

    var halogenCount: Int { HalogenatedGasTable.all.count }

    func model(co2: CarbonMode, coupling: CarbonCycleCoupling = .full) -> EarthSystemModel {
        var c = configuration
        c.co2Mode = co2
        c.carbonCoupling = coupling
        c.otherGasMode = .emissions
        c.co2EmissionsStartYear = 0   // idealised experiments are emission-driven from their first year
        c.variability.enabled = false
        return EarthSystemModel(configuration: c, grid: grid, halogenPreindustrialPPT: halogenPreindustrialPPT, reference: reference)
    }

    /// Concentration-driven run with CO2 following `ppm(year index)`.
    public func concentrationRun(years: Int, coupling: CarbonCycleCoupling = .full, ppm: (Int) -> Double) -> RunRecord {
        var drivers = IdealisedDrivers.control(reference: reference, halogenCount: halogenCount, years: years)
        IdealisedDrivers.prescribeCO2(&drivers, ppm: ppm)
        return Simulation(model: model(co2: .concentrations, coupling: coupling), drivers: drivers).run()
    }

    /// 1pctCO2 from the preindustrial state, `years` years.
    public func onePercentRun(years: Int) -> RunRecord {
        let c0 = configuration.gases.preindustrialCO2PPM
        return concentrationRun(years: years) { ExperimentCatalogue.onePercentCO2(c0, year: $0) }
    }

    /// ECS by the Gregory et al. (2004, GRL 31, L03205) regression of N on T over abrupt-4xCO2 (years 1–`years`),
    /// halved for a doubling.
    public func gregoryECS(years: Int = 150) -> Double {
        let c0 = configuration.gases.preindustrialCO2PPM
        let abrupt = concentrationRun(years: years) { _ in 4 * c0 }
        let fit = LinearFit(x: abrupt.series(.surfaceTemperature), y: abrupt.series(.imbalance))
        return -fit.intercept / fit.slope / 2
    }

    /// TCR (1pctCO2 warming over years 61–80, Meehl et al. 2020), the cumulative compatible emissions at doubling
    /// (year 70) and TCRE = TCR per 1000 PgC of them (Matthews et al. 2009), from a 1pctCO2 run of at least 80 years.
    public static func transientResponse(_ onePercent: RunRecord) -> (tcr: Double, cumulativeEmissionsAtDoubling: Double, tcre: Double) {
        let first = onePercent.firstYear
        let tcr = onePercent.mean(.surfaceTemperature, from: first + 60, to: first + 79)
        let cumulative = onePercent.value(.cumulativeFossilEmissions, year: first + 69)
        return (tcr, cumulative, tcr / cumulative * 1000)
    }

    /// Emission-driven run with fossil CO2 emissions `pgC(year index)`.
    public func emissionRun(years: Int, pgC: (Int) -> Double) -> RunRecord {
        var drivers = IdealisedDrivers.control(reference: reference, halogenCount: halogenCount, years: years)
        IdealisedDrivers.prescribeEmissions(&drivers, pgC: pgC)
        return Simulation(model: model(co2: .emissions), drivers: drivers).run()
    }

    public func run() -> ClimateMetrics {
        var m = ClimateMetrics()
        let c0 = configuration.gases.preindustrialCO2PPM
        m.ecsConfigured = configuration.climate.equilibriumClimateSensitivity

        m.ecsGregory = gregoryECS()

        // abrupt-2xCO2 run to equilibrium.
        let equilibrium = concentrationRun(years: equilibriumYears) { _ in 2 * c0 }
        m.ecsEquilibrium = equilibrium.mean(.surfaceTemperature, from: equilibriumYears - 10, to: equilibriumYears - 1)

        let onePercent = onePercentRun(years: 150)
        (m.tcr, m.cumulativeEmissionsAtDoubling, m.tcre) = Self.transientResponse(onePercent)

        guard let branch1000 = zecBranch(onePercent, totalPgC: 1000) else { return m }
        (m.branchYear1000PgC, m.zec50) = branch1000
        m.zec50For750PgC = zecBranch(onePercent, totalPgC: 750)?.zec50 ?? .nan
        m.zec50For2000PgC = zecBranch(onePercent, totalPgC: 2000)?.zec50 ?? .nan

        // C4MIP β and γ at 4×CO2 (year 140).
        let bgc = concentrationRun(years: 140, coupling: .biogeochemical) { ExperimentCatalogue.onePercentCO2(c0, year: $0) }
        let dCO2 = onePercent.value(.co2Concentration, year: 139) - c0
        let dT = onePercent.value(.surfaceTemperature, year: 139)
        let landFull = CarbonReservoirs.landChange(onePercent, index: 139, land: configuration.land), landBGC = CarbonReservoirs.landChange(bgc, index: 139, land: configuration.land)
        let oceanFull = onePercent.value(.oceanCarbonAnomaly, year: 139), oceanBGC = bgc.value(.oceanCarbonAnomaly, year: 139)
        m.landBeta = landBGC / dCO2
        m.oceanBeta = oceanBGC / dCO2
        m.landGamma = (landFull - landBGC) / dT
        m.oceanGamma = (oceanFull - oceanBGC) / dT

        flat10(&m)
        return m
    }

    /// esm-1pct-brch-<total>PgC (ZECMIP, Jones et al. 2019, GMD 12, 4375): the 1pctCO2 compatible emissions until `totalPgC`
    /// have been emitted, then zero. Returns the branch year (from the start of 1pctCO2) and ZEC50, the warming in years 40–59
    /// after emissions stop minus the 1pctCO2 warming in the 20 years centred on the branch; nil if 1pctCO2 never gets there.
    public func zecBranch(_ onePercent: RunRecord, totalPgC: Double) -> (branchYear: Int, zec50: Double)? {
        let cumulative = onePercent.series(.cumulativeFossilEmissions)
        let emissions = onePercent.series(.fossilEmissions)
        guard let branch = cumulative.firstIndex(where: { $0 >= totalPgC }), branch >= 10 else { return nil }
        let before = cumulative[branch - 1]
        let zec = emissionRun(years: branch + 1 + 100) { y in
            y < branch ? emissions[y] : (y == branch ? totalPgC - before : 0)
        }
        let after = zec.mean(.surfaceTemperature, from: branch + 40, to: branch + 59)
        let atBranch = onePercent.mean(.surfaceTemperature, from: branch - 10, to: branch + 9)
        return (branch + 1, after - atBranch)
    }

    /// The flat10MIP metrics (see `ClimateMetrics`).
    public func flat10(_ m: inout ClimateMetrics) {
        let flat = emissionRun(years: 150) { ExperimentCatalogue.flat10Emissions(.esmFlat10, year: $0) }
        let t1000 = flat.mean(.surfaceTemperature, from: 90, to: 109)
        m.flat10WarmingAt1000PgC = t1000
        let flatZec = emissionRun(years: 210) { ExperimentCatalogue.flat10Emissions(.esmFlat10Zec, year: $0) }
        m.flat10Zec50 = flatZec.mean(.surfaceTemperature, from: 140, to: 159) - t1000
        m.flat10Zec100 = flatZec.mean(.surfaceTemperature, from: 190, to: 209) - t1000
        m.flat10CO2AtStop = flatZec.value(.co2Concentration, year: 99)
        m.flat10CO2FiftyYearsAfterStop = flatZec.value(.co2Concentration, year: 149)
        m.flat10AirborneFraction = (m.flat10CO2AtStop - configuration.gases.preindustrialCO2PPM) * AtmosphericMass.pgCPerPpmCO2 / 1000
        // esm-flat10-cdr: back to zero cumulative emissions at the end of year 300, then 20 more years.
        let zeroYear = ExperimentCatalogue.flat10CdrZeroYear
        let cdrYears = zeroYear + 21
        let cdr = emissionRun(years: cdrYears) { ExperimentCatalogue.flat10Emissions(.esmFlat10Cdr, year: $0) }
        let t = cdr.series(.surfaceTemperature)
        let peak = t.indices.max { t[$0] < t[$1] }!
        m.flat10CdrPeakWarming = t[peak]
        m.flat10CdrPeakYear = peak + 1
        m.flat10PeakWarmingTiming = peak + 1 - 150
        m.flat10TR1000 = cdr.mean(.surfaceTemperature, from: 190, to: 209) - t1000
        m.flat10TR0 = cdr.mean(.surfaceTemperature, from: zeroYear + 1, to: zeroYear + 20)
        m.flat10CdrWarmingAtZeroCumulative = t[zeroYear]
        let c0 = configuration.gases.preindustrialCO2PPM
        m.flat10CO2AtZeroCumulative = cdr.value(.co2Concentration, year: zeroYear)
        m.flat10AtmosphereAtZeroCumulative = (m.flat10CO2AtZeroCumulative - c0) * AtmosphericMass.pgCPerPpmCO2
        m.flat10OceanAtZeroCumulative = cdr.value(.oceanCarbonAnomaly, year: zeroYear)
        m.flat10LandAtZeroCumulative = CarbonReservoirs.landChange(cdr, index: zeroYear, land: configuration.land)
    }
}

/// Ordinary least-squares line y = intercept + slope·x.
public struct LinearFit: Sendable {
    public let slope: Double, intercept: Double
    public init(x: [Double], y: [Double]) {
        precondition(x.count == y.count && x.count > 1)
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for i in x.indices { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx) }
        slope = sxy / sxx
        intercept = my - slope * mx
    }
}

/// Carbon held by the reservoirs of a run, relative to its first year's start (the preindustrial state).
public enum CarbonReservoirs {
    /// Land carbon (vegetation, litter, soil, permafrost) at the end of year index `i` minus preindustrial, PgC.
    public static func landChange(_ r: RunRecord, index i: Int, land l: LandCarbonParameters) -> Double {
        land(r, index: i) - preindustrialLand(l)
    }

    /// Preindustrial land carbon, PgC.
    public static func preindustrialLand(_ l: LandCarbonParameters) -> Double {
        l.preindustrialVegetation + l.preindustrialLitter + l.preindustrialSoil + (l.permafrostEnabled ? l.permafrostCarbon : 0)
    }

    static func land(_ r: RunRecord, index i: Int) -> Double {
        let y = r.firstYear + i
        return r.value(.vegetationCarbon, year: y) + r.value(.litterCarbon, year: y) + r.value(.soilCarbon, year: y)
            + r.value(.permafrostFrozenCarbon, year: y) + r.value(.permafrostThawedCarbon, year: y)
    }
}
