/// Parameters of every forcing agent. The coefficient sets are the verified AR6 ones in this folder;
/// the scale factors are what uncertainty studies perturb (all 1 by default).
public struct ForcingAgentParameters: Sendable, Equatable {
    public var greenhouseGases = GreenhouseGasForcingParameters()
    public var ozone = OzoneForcingParameters()
    public var aerosolRadiation = AerosolRadiationParameters()
    public var aerosolCloud = AerosolCloudParameters()
    public var stratosphericWaterVapour = StratosphericWaterVapourParameters()
    public var landUse = LandUseForcingParameters()
    public var blackCarbonOnSnow = BlackCarbonOnSnowParameters()
    public var contrails = ContrailForcingParameters()
    /// Multipliers on each agent's ERF (1 = AR6 best estimate; Smith et al. 2021 sample these).
    public var co2Scale = 1.0
    public var methaneScale = 1.0
    public var nitrousOxideScale = 1.0
    public var halogenScale = 1.0
    public var ozoneScale = 1.0
    public var aerosolRadiationScale = 1.0
    public var aerosolCloudScale = 1.0
    /// Volcanic ERF multiplier (RCMIP forcing as given; AR6 assessed efficacy ≈ 1, Forster et al. 2021 §7.3.4.5).
    public var volcanicScale = 1.0
    /// Solar ERF multiplier (RCMIP forcing as given).
    public var solarScale = 1.0

    public init() {}

    /// These parameters measured from the preindustrial concentrations of `gases` (their one home).
    public func referenced(to gases: GasCycleParameters) -> Self {
        var p = self
        p.greenhouseGases.co2Reference = gases.preindustrialCO2PPM
        p.greenhouseGases.ch4Reference = gases.preindustrialMethanePPB
        p.greenhouseGases.n2oReference = gases.preindustrialNitrousOxidePPB
        p.ozone.referenceMethane = gases.preindustrialMethanePPB
        p.ozone.referenceNitrousOxide = gases.preindustrialNitrousOxidePPB
        p.stratosphericWaterVapour.referenceMethane = gases.preindustrialMethanePPB
        return p
    }
}
