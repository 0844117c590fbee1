/// How CO2 (and, separately, the other gases) is driven.
public enum CarbonMode: String, Sendable, CaseIterable {
    /// Concentrations computed from emissions.
    case emissions
    /// Concentrations prescribed; compatible CO2 emissions diagnosed.
    case concentrations
}

/// Everything a model instance is built from: one value per parameter group.
public struct ModelConfiguration: Sendable {
    public var gases = GasCycleParameters()
    public var forcingAgents = ForcingAgentParameters()
    public var climate = ClimateParameters()
    public var ocean = OceanParameters()
    public var oceanCarbon = OceanCarbonParameters()
    public var land = LandCarbonParameters()
    public var variability = VariabilityParameters()
    public var zonal = ZonalParameters()
    /// The effective modes: `&run co2_mode` / `other_gas_mode`, or what an idealised experiment's protocol prescribes.
    public var co2Mode = CarbonMode.emissions
    public var otherGasMode = CarbonMode.emissions
    /// An emission-driven scenario's CO2 follows the drivers' concentrations before this year (`&run emissions_start_year`; 0: never).
    public var co2EmissionsStartYear = RunSettings().emissionsStartYear
    /// How the carbon cycle and the radiation see CO2 (C4MIP `-bgc` / `-rad`, or fully coupled).
    public var carbonCoupling = CarbonCycleCoupling.full
    /// The forcing agents the run feels (a single-forcing experiment keeps one group; `SingleForcingExperiment`).
    public var forcingSelection = ForcingSelection.all

    public init() {}
}

/// Which CO2 the carbon cycle and the radiation see (C4MIP, Jones et al. 2016, GMD 9, 2853; Arora et al. 2020, BG 17, 4173).
public enum CarbonCycleCoupling: String, Sendable, CaseIterable {
    /// Both see the model's CO2.
    case full
    /// Biogeochemically coupled (`-bgc`): the carbon cycle sees rising CO2, the radiation preindustrial CO2.
    case biogeochemical
    /// Radiatively coupled (`-rad`): the radiation sees rising CO2, the carbon cycle preindustrial CO2.
    case radiative
}
