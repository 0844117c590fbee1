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
    /// flat10MIP (Sanderson et al. 2024, GMD 17, 8141): warming at 1000 PgC (years 91–110 of esm-flat10),
    /// ZEC50 of esm-flat10-zec, and esm-flat10-cdr peak warming and warming when net cumulative emissions return to 0.
    public var flat10WarmingAt1000PgC = 0.0
    public var flat10Zec50 = 0.0
    public var flat10CdrPeakWarming = 0.0
    public var flat10CdrWarmingAtZeroCumulative = 0.0
    public var flat10CdrPeakYear = 0
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

    func model(co2: CarbonMode) -> EarthSystemModel {
        var c = configuration
        c.co2Mode = co2
        c.otherGasMode = .emissions
        c.variability.enabled = false
        return EarthSystemModel(configuration: c, grid: grid, halogenPreindustrialPPT: halogenPreindustrialPPT, reference: reference)
    }

    /// Concentration-driven run with CO2 following `ppm(year index)`.
    public func concentrationRun(years: Int, ppm: (Int) -> Double) -> RunRecord {
        var drivers = IdealisedDrivers.control(reference: reference, halogenCount: halogenCount, years: years)
        IdealisedDrivers.prescribeCO2(&drivers, ppm: ppm)
        return Simulation(model: model(co2: .concentrations), drivers: drivers).run()
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

        // esm-1pct-brch-1000PgC: the 1pctCO2 compatible emissions until 1000 PgC, then zero (ZECMIP, Jones et al. 2019).
        let cumulative = onePercent.series(.cumulativeFossilEmissions)
        let emissions = onePercent.series(.fossilEmissions)
        guard let branch = cumulative.firstIndex(where: { $0 >= 1000 }) else { return m }
        m.branchYear1000PgC = branch + 1
        let before = branch == 0 ? 0 : cumulative[branch - 1]
        let zecYears = branch + 1 + 100
        let zec = emissionRun(years: zecYears) { y in
            y < branch ? emissions[y] : (y == branch ? 1000 - before : 0)
        }
        // ZEC50: years 40–59 after emissions stop minus the 1pctCO2 warming in the 20 years centred on the branch.
        let after = zec.mean(.surfaceTemperature, from: branch + 40, to: branch + 59)
        let atBranch = onePercent.mean(.surfaceTemperature, from: branch - 10, to: branch + 9)
        m.zec50 = after - atBranch

        // flat10MIP.
        let flat = emissionRun(years: 150) { ExperimentCatalogue.flat10Emissions(.esmFlat10, year: $0) }
        m.flat10WarmingAt1000PgC = flat.mean(.surfaceTemperature, from: 90, to: 109)
        let flatZec = emissionRun(years: 200) { ExperimentCatalogue.flat10Emissions(.esmFlat10Zec, year: $0) }
        m.flat10Zec50 = flatZec.mean(.surfaceTemperature, from: 139, to: 158) - flat.mean(.surfaceTemperature, from: 90, to: 109)
        // esm-flat10-cdr: back to zero cumulative emissions after year 250, then 20 more years.
        let zeroYear = ExperimentCatalogue.flat10CdrSeries.count - 1   // index of the year cumulative emissions reach 0
        let cdrYears = zeroYear + 21
        let cdrEmissions = (0..<cdrYears).map { ExperimentCatalogue.flat10Emissions(.esmFlat10Cdr, year: $0) }
        let cdr = emissionRun(years: cdrYears) { cdrEmissions[$0] }
        let t = cdr.series(.surfaceTemperature)
        let peak = t.indices.max { t[$0] < t[$1] }!
        m.flat10CdrPeakWarming = t[peak]
        m.flat10CdrPeakYear = peak + 1
        m.flat10CdrWarmingAtZeroCumulative = t[zeroYear]
        return m
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
