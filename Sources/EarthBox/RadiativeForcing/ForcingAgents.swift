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
public struct ForcingAgents: Sendable {
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
        var p = parameters
        p.greenhouseGases.co2Reference = gases.preindustrialCO2PPM
        p.greenhouseGases.ch4Reference = gases.preindustrialMethanePPB
        p.greenhouseGases.n2oReference = gases.preindustrialNitrousOxidePPB
        p.ozone.referenceMethane = gases.preindustrialMethanePPB
        p.ozone.referenceNitrousOxide = gases.preindustrialNitrousOxidePPB
        p.stratosphericWaterVapour.referenceMethane = gases.preindustrialMethanePPB
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
        halogenEfficiency = halogens.map { $0.radiativeEfficiency * (1 + $0.troposphericAdjustment) * 1e-3 }
        self.halogenPreindustrialPPT = halogenPreindustrialPPT
        eescWeights = halogens.map { EquivalentEffectiveStratosphericChlorine.contribution(of: $0, concentrationPpt: 1) }
        var e = 0.0
        for i in 0..<halogens.count { e += eescWeights[i] * halogenPreindustrialPPT[i] }
        preindustrialEESC = e
        p.ozone.referenceEESC = e
        let c = p.aerosolCloud
        aerosolCloudReferenceLog = _log(1 + c.referenceSulfurDioxide / c.sulfurDioxideShape
                                        + (c.referenceBlackCarbon + c.referenceOrganicCarbon) / c.carbonaceousShape)
        self.parameters = p
    }

    func equivalentEffectiveStratosphericChlorine(ppt: UnsafePointer<Double>) -> Double {
        var e = 0.0
        eescWeights.withUnsafeBufferPointer { w in
            for i in 0..<w.count { e += w[i] * ppt[i] }
        }
        return e
    }

    /// - Parameters:
    ///   - laggedEESC: EESC `stratosphericLagYears` earlier.
    func compute(co2PPM: Double, methanePPB: Double, nitrousOxidePPB: Double, halogenPPT: UnsafePointer<Double>,
                 laggedEESC: Double, emissions row: UnsafePointer<Double>, cumulativeLandUseCarbon: Double,
                 volcanic: Double, solar: Double, temperatureAnomaly: Double) -> ForcingByAgent {
        let p = parameters
        var f = ForcingByAgent()
        f.co2 = p.co2Scale * CarbonDioxideForcing.erf(co2: co2PPM, n2o: nitrousOxidePPB, parameters: p.greenhouseGases)
        f.methane = p.methaneScale * MethaneForcing.erf(ch4: methanePPB, n2o: nitrousOxidePPB, parameters: p.greenhouseGases)
        f.nitrousOxide = p.nitrousOxideScale * NitrousOxideForcing.erf(co2: co2PPM, ch4: methanePPB, n2o: nitrousOxidePPB, parameters: p.greenhouseGases)
        var halogenSum = 0.0
        halogenEfficiency.withUnsafeBufferPointer { re in
            halogenPreindustrialPPT.withUnsafeBufferPointer { pre in
                for i in 0..<re.count { halogenSum += re[i] * (halogenPPT[i] - pre[i]) }
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
        // AerosolCloudForcing.erf with its reference term precomputed (one log a year instead of two).
        let c = p.aerosolCloud
        f.aerosolCloud = -p.aerosolCloudScale * c.scale * (_log(1 + row[DriverColumns.sulfur] / c.sulfurDioxideShape
            + (row[DriverColumns.blackCarbon] + row[DriverColumns.organicCarbon]) / c.carbonaceousShape) - aerosolCloudReferenceLog)
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
}
