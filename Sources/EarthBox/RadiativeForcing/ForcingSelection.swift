/// Which groups of forcing agents a run feels: all of them normally, one group in a single-forcing experiment.
/// The groups are those of the DAMIP protocol (Gillett et al. 2016, GMD 9, 3685) and of the AR6 attribution
/// (SPM A.1.3; Eyring et al. 2021, AR6 WG1 §3.3.1): well-mixed greenhouse gases, other human drivers
/// (aerosols, ozone, land use, ...), natural drivers (solar, volcanic).
public struct ForcingSelection: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let co2 = ForcingSelection(rawValue: 1 << 0)
    /// CH4, N2O and the halogenated gases: the other well-mixed greenhouse gases.
    public static let otherWellMixedGases = ForcingSelection(rawValue: 1 << 1)
    /// Tropospheric and stratospheric ozone and stratospheric water vapour from methane oxidation.
    public static let ozoneAndWaterVapour = ForcingSelection(rawValue: 1 << 2)
    /// Aerosol–radiation and aerosol–cloud interactions and black carbon on snow.
    public static let aerosols = ForcingSelection(rawValue: 1 << 3)
    public static let landUse = ForcingSelection(rawValue: 1 << 4)
    public static let contrails = ForcingSelection(rawValue: 1 << 5)
    /// Solar irradiance and volcanic aerosol.
    public static let natural = ForcingSelection(rawValue: 1 << 6)

    public static let all: ForcingSelection = [.co2, .otherWellMixedGases, .ozoneAndWaterVapour, .aerosols, .landUse, .contrails, .natural]
    public static let wellMixedGreenhouseGases: ForcingSelection = [.co2, .otherWellMixedGases]

    /// Zeroes the agents outside the selection and recomputes the total.
    @inline(__always)
    func apply(to f: inout ForcingByAgent) {
        if !contains(.co2) { f.co2 = 0 }
        if !contains(.otherWellMixedGases) { f.methane = 0; f.nitrousOxide = 0; f.halogens = 0 }
        if !contains(.ozoneAndWaterVapour) { f.ozone = 0; f.stratosphericWaterVapour = 0 }
        if !contains(.aerosols) { f.aerosolRadiation = 0; f.aerosolCloud = 0; f.blackCarbonOnSnow = 0 }
        if !contains(.landUse) { f.landUseAlbedo = 0 }
        if !contains(.contrails) { f.contrails = 0 }
        if !contains(.natural) { f.volcanic = 0; f.solar = 0 }
        f.total = f.co2 + f.methane + f.nitrousOxide + f.halogens + f.ozone + f.stratosphericWaterVapour
            + f.aerosolRadiation + f.aerosolCloud + f.landUseAlbedo + f.blackCarbonOnSnow + f.contrails
            + f.volcanic + f.solar
    }
}

/// The DAMIP single-forcing experiments (Gillett et al. 2016, GMD 9, 3685, Table 2): historical + SSP2-4.5
/// drivers with only one group of agents, concentration-driven as in the protocol. `hist-X` covers the
/// historical period (DAMIP: 1850–2020, SSP2-4.5 after 2014) and `ssp245-X` continues it to 2100; here both
/// are one run of the ssp245 forcing file over the configured years.
public enum SingleForcingExperiment {
    public static let names = Experiment.allCases.filter { $0.singleForcing != nil }.map(\.rawValue)

    /// The agents experiment `name` keeps, or nil if it is not a single-forcing experiment.
    public static func selection(_ name: String) -> ForcingSelection? { Experiment(rawValue: name)?.singleForcing }

    /// The forcing file all of them use (DAMIP extends the historical period with SSP2-4.5).
    public static let scenario = "ssp245"
}
