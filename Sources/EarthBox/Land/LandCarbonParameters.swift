/// Parameters of the land carbon pools (the structure of Hector's simpleNbox, Hartin et al. 2015, GMD 8, 939).
public struct LandCarbonParameters: Sendable, Equatable {
    /// Preindustrial net primary production, PgC yr⁻¹ (Hartin et al. 2015, Hector default 50).
    public var preindustrialNPP = 50.0
    /// Preindustrial vegetation carbon, PgC (Hartin et al. 2015: 550).
    public var preindustrialVegetation = 550.0
    /// Preindustrial litter (detritus) carbon, PgC (Hartin et al. 2015: 55).
    public var preindustrialLitter = 55.0
    /// Preindustrial soil carbon, PgC (Hartin et al. 2015: 1782).
    public var preindustrialSoil = 1782.0
    /// CO2 fertilisation β: NPP = NPP0·(1 + β ln(C/C0)); Hector uses 0.36 (Hartin et al. 2015) to 0.55 (v3); 0.45 fits the GCB 2023 land sink here.
    public var co2Fertilisation = 0.45
    /// Q10 of heterotrophic respiration (Hartin et al. 2015: 2.0; Davidson & Janssens 2006, Nature 440, 165).
    public var respirationQ10 = 2.0
    /// Fractions of NPP to vegetation and to litter; the rest goes to soil (Hartin et al. 2015: 0.35, 0.60).
    public var nppToVegetation = 0.35
    public var nppToLitter = 0.60
    /// Fraction of vegetation turnover that becomes litter; the rest enters soil directly (Hartin et al. 2015: 0.98).
    public var vegetationTurnoverToLitter = 0.98
    /// Soil carbon turnover time at preindustrial temperature, yr; sets how much decomposed litter is humified
    /// (global soil turnover of decades to a century; Carvalhais et al. 2014, Nature 514, 213).
    public var soilTurnoverYears = 70.0
    /// Shares of land-use-change emissions taken from vegetation and litter; the rest from soil
    /// (biomass dominates bookkeeping emissions; Houghton et al. 2012, Biogeosciences 9, 5125).
    public var landUseFromVegetation = 0.7
    public var landUseFromLitter = 0.05
    /// Permafrost: off by default (Woodard et al. 2021, GMD 14, 4751, Hector v3).
    public var permafrostEnabled = false
    /// Frozen permafrost carbon, PgC (Woodard et al. 2021: 865).
    public var permafrostCarbon = 865.0
    /// Permafrost-region warming per degree of land warming (Arctic amplification; Woodard et al. 2021 scale land temperature).
    public var permafrostWarmingRatio = 1.5
    /// Warming of the permafrost region at which all permafrost has thawed, K (linear thaw profile; Kessler 2017, ESD 8, 393).
    public var permafrostFullThawWarming = 12.0
    /// Time scale of thaw towards the equilibrium frozen fraction, yr.
    public var permafrostThawYears = 20.0
    /// Turnover time of thawed permafrost carbon, yr (Schneider von Deimling et al. 2012, BG 9, 649: decades to centuries).
    public var permafrostDecompositionYears = 100.0

    public init() {}
}
