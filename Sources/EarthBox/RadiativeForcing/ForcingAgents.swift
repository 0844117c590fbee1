/// Effective radiative forcing by agent, W m⁻², relative to the preindustrial (first-year) state.
public struct ForcingByAgent: Sendable, Equatable {
    public var co2 = 0.0, methane = 0.0, nitrousOxide = 0.0, halogens = 0.0
    public var ozone = 0.0, stratosphericWaterVapour = 0.0
    public var aerosolRadiation = 0.0, aerosolCloud = 0.0
    public var landUseAlbedo = 0.0, blackCarbonOnSnow = 0.0, contrails = 0.0
    public var volcanic = 0.0, solar = 0.0
    public var total = 0.0
    public init() {}
}

/// Computes `ForcingByAgent` from concentrations, emissions and natural forcing for one year.
///
/// Every agent is measured against the model's own preindustrial state (its 1750 concentrations and
/// the reference year's emissions), so a control run has exactly zero forcing.
public struct ForcingAgents: EarthSystemComponent {
    public let parameters: ForcingAgentParameters
    /// W m⁻² per ppt above preindustrial, tropospheric adjustment included (AR6 Table 7.SM.7; Hodnebrog et al. 2020).
    public let halogenEfficiency: [Double]
    public let halogenPreindustrialPPT: [Double]
    public let eescWeights: [Double]
    public let preindustrialEESC: Double
    /// ln(1 + SO2/s + (BC+OC)/s) of the reference year: the ERFaci baseline, computed once (Smith et al. 2021).
    let aerosolCloudReferenceLog: Double
    /// The agents this run feels (all but one group in a single-forcing experiment).
    public let selection: ForcingSelection

    public init(parameters: ForcingAgentParameters, gases: GasCycleParameters, halogens: [HalogenatedGas],
                halogenPreindustrialPPT: [Double], referenceEmissions r: [Double], selection: ForcingSelection = .all) {
        self.selection = selection
        var p = parameters.referenced(to: gases)
        p.ozone.referenceCarbonMonoxide = r[DriverColumns.carbonMonoxide]
        p.ozone.referenceNMVOC = r[DriverColumns.volatileOrganics]
        p.ozone.referenceNOx = r[DriverColumns.nitrogenOxides]
        p.aerosolRadiation.referenceSulfurDioxide = r[DriverColumns.sulfur]
        p.aerosolRadiation.referenceBlackCarbon = r[DriverColumns.blackCarbon]
        p.aerosolRadiation.referenceOrganicCarbon = r[DriverColumns.organicCarbon]
        p.aerosolRadiation.referenceAmmonia = r[DriverColumns.ammonia]
        p.aerosolRadiation.referenceNOx = r[DriverColumns.nitrogenOxides]
        p.aerosolRadiation.referenceNMVOC = r[DriverColumns.volatileOrganics]
        p.aerosolCloud.referenceSulfurDioxide = r[DriverColumns.sulfur]
        p.aerosolCloud.referenceBlackCarbon = r[DriverColumns.blackCarbon]
        p.aerosolCloud.referenceOrganicCarbon = r[DriverColumns.organicCarbon]
        p.blackCarbonOnSnow.referenceBlackCarbon = r[DriverColumns.blackCarbon]
        halogenEfficiency = halogens.map(HalogenatedGasForcing.efficiency(of:))
        self.halogenPreindustrialPPT = halogenPreindustrialPPT
        eescWeights = halogens.map { EquivalentEffectiveStratosphericChlorine.contribution(of: $0, concentrationPpt: 1) }
        var e = 0.0
        for i in 0..<halogens.count { e += eescWeights[i] * halogenPreindustrialPPT[i] }
        preindustrialEESC = e
        p.ozone.referenceEESC = e
        aerosolCloudReferenceLog = AerosolCloudForcing.referenceLogTerm(p.aerosolCloud)
        self.parameters = p
    }

    @inline(__always)
    func equivalentEffectiveStratosphericChlorine(ppt: UnsafePointer<Double>) -> Double {
        var e = 0.0
        eescWeights.withUnsafeBufferPointer { w in
            for i in 0..<w.count { e += w[i] * ppt[i] }
        }
        return e
    }

    /// - Parameters:
    ///   - laggedEESC: EESC `stratosphericLagYears` earlier.
    @inline(__always)
    func compute(co2PPM: Double, methanePPB: Double, nitrousOxidePPB: Double, halogenPPT: UnsafePointer<Double>,
                 laggedEESC: Double, emissions row: UnsafePointer<Double>, cumulativeLandUseCarbon: Double,
                 volcanic: Double, solar: Double, temperatureAnomaly: Double) -> ForcingByAgent {
        let p = parameters
        var f = ForcingByAgent()
        f.co2 = p.co2Scale * CarbonDioxideForcing.erf(co2: co2PPM, n2o: nitrousOxidePPB, parameters: p.greenhouseGases)
        f.methane = p.methaneScale * MethaneForcing.erf(ch4: methanePPB, n2o: nitrousOxidePPB, parameters: p.greenhouseGases)
        f.nitrousOxide = p.nitrousOxideScale * NitrousOxideForcing.erf(co2: co2PPM, ch4: methanePPB, n2o: nitrousOxidePPB, parameters: p.greenhouseGases)
        let halogenSum = halogenEfficiency.withUnsafeBufferPointer { re in
            halogenPreindustrialPPT.withUnsafeBufferPointer { pre in
                HalogenatedGasForcing.totalERF(ppt: halogenPPT, efficiency: re.baseAddress!, preindustrial: pre.baseAddress!, count: re.count)
            }
        }
        f.halogens = p.halogenScale * halogenSum
        f.ozone = p.ozoneScale * OzoneForcing.erf(
            methanePpb: methanePPB, nitrousOxidePpb: nitrousOxidePPB, eescPpt: laggedEESC,
            carbonMonoxideEmissions: row[DriverColumns.carbonMonoxide], nmvocEmissions: row[DriverColumns.volatileOrganics],
            noxEmissions: row[DriverColumns.nitrogenOxides], temperatureAnomaly: temperatureAnomaly, parameters: p.ozone)
        f.stratosphericWaterVapour = StratosphericWaterVapourForcing.erf(methaneERF: f.methane, parameters: p.stratosphericWaterVapour)
        f.aerosolRadiation = p.aerosolRadiationScale * AerosolRadiationForcing.erf(
            sulfurDioxide: row[DriverColumns.sulfur], blackCarbon: row[DriverColumns.blackCarbon],
            organicCarbon: row[DriverColumns.organicCarbon], ammonia: row[DriverColumns.ammonia],
            nox: row[DriverColumns.nitrogenOxides], nmvoc: row[DriverColumns.volatileOrganics], parameters: p.aerosolRadiation)
        f.aerosolCloud = AerosolCloudForcing.erf(sulfurDioxide: row[DriverColumns.sulfur], blackCarbon: row[DriverColumns.blackCarbon],
                                                 organicCarbon: row[DriverColumns.organicCarbon], parameters: p.aerosolCloud,
                                                 referenceLogTerm: aerosolCloudReferenceLog, scale: p.aerosolCloudScale)
        f.landUseAlbedo = LandUseForcing.erf(cumulativeLandUseEmissionsPgC: cumulativeLandUseCarbon, parameters: p.landUse)
        f.blackCarbonOnSnow = BlackCarbonOnSnowForcing.erf(blackCarbon: row[DriverColumns.blackCarbon], parameters: p.blackCarbonOnSnow)
        f.contrails = ContrailForcing.erf(aviationNOx: row[DriverColumns.aviationNOx], parameters: p.contrails)
        f.volcanic = p.volcanicScale * volcanic
        f.solar = p.solarScale * solar
        f.total = f.co2 + f.methane + f.nitrousOxide + f.halogens + f.ozone + f.stratosphericWaterVapour
            + f.aerosolRadiation + f.aerosolCloud + f.landUseAlbedo + f.blackCarbonOnSnow + f.contrails
            + f.volcanic + f.solar
        if selection != .all { selection.apply(to: &f) }
        return f
    }

    /// EESC of the last three years, ppt: stratospheric halogen loading reaches ozone after ~3 years (Newman et al. 2007).
    public struct State {
        public let history: UnsafeMutablePointer<Double>
    }

    @inline(__always)
    public func view(_ v: UnsafeMutablePointer<Double>, block: StateBlock) -> State { State(history: block.globals(v)) }

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("eesc_history", "ppt", count: 3, scope: .global, preindustrial: "preindustrial EESC in all three years")]
    }

    public static var diagnostics: [Diagnostic] {
        [.eesc, .erfCO2, .erfMethane, .erfNitrousOxide, .erfHalogens, .erfOzone, .erfStratosphericWaterVapour, .erfAerosolRadiation,
         .erfAerosolCloud, .erfLandUseAlbedo, .erfBlackCarbonOnSnow, .erfContrails, .erfVolcanic, .erfSolar, .erfTotal, .sulfurEmissions]
    }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let eesc = view(v, block: block)
        for k in 0..<3 { eesc.history[k] = preindustrialEESC }
    }

    /// End-of-year concentrations, this year's emissions and the start-of-year warming.
    public struct Inputs {
        public let co2PPM: Double
        public let methanePPB: Double
        public let nitrousOxidePPB: Double
        public let halogenPPT: UnsafePointer<Double>
        public let drivers: DriverRow
        /// Cumulative land-use-change emissions, PgC (land-use albedo).
        public let cumulativeLandUseCarbon: Double
        public let temperatureAnomaly: Double
    }

    public struct Fluxes {
        public let erf: ForcingByAgent
        /// This year's EESC, ppt.
        public let eesc: Double
    }

    /// This year's forcing by agent; the ozone sees the EESC of three years ago.
    @inline(__always)
    public func step(_ eesc: State, _ inputs: Inputs, scratch: NoScratch = NoScratch()) -> Fluxes {
        let now = equivalentEffectiveStratosphericChlorine(ppt: inputs.halogenPPT)
        let lagged = eesc.history[0]
        eesc.history[0] = eesc.history[1]
        eesc.history[1] = eesc.history[2]
        eesc.history[2] = now
        let row = inputs.drivers
        let erf = compute(co2PPM: inputs.co2PPM, methanePPB: inputs.methanePPB, nitrousOxidePPB: inputs.nitrousOxidePPB,
                          halogenPPT: inputs.halogenPPT, laggedEESC: lagged, emissions: row.values,
                          cumulativeLandUseCarbon: inputs.cumulativeLandUseCarbon, volcanic: row.volcanicForcing,
                          solar: row.solarForcing, temperatureAnomaly: inputs.temperatureAnomaly)
        return Fluxes(erf: erf, eesc: now)
    }
}
