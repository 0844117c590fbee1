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
    /// CO2 fertilisation β: NPP = NPP0·(1 + β ln(C/C0)); Hector uses 0.36 (Hartin et al. 2015) to 0.55 (v3); with the saturation below, 0.66 fits the
    /// GCB 2023 decadal land sinks 1960s–2010s here once cleared land no longer regrows (see `LandCarbon`).
    public var co2Fertilisation = 0.66
    /// Saturation scale of the fertilisation, in ln(C/C0): the response is L/(1 + L/L_sat) above C0 (see `LandCarbon`).
    public var co2FertilisationSaturation = 2.0
    /// Q10 of heterotrophic respiration: the global, confounding-free ecosystem value 1.4 ± 0.1 (Mahecha et al. 2010,
    /// Science 329, 838); 1.3, its lower 1σ bound, puts the land carbon–climate feedback γ at −52 PgC K⁻¹ against C4MIP's
    /// −45 ± 51 (Arora et al. 2020) and keeps the 2010s land sink inside GCB 2023; Hector's 2.0 (Hartin et al. 2015) gives −109.
    public var respirationQ10 = 1.3
    /// Fractions of NPP to vegetation and to litter; the rest goes to soil (Hartin et al. 2015: 0.35, 0.60).
    public var nppToVegetation = 0.35
    public var nppToLitter = 0.60
    /// Fraction of vegetation turnover that becomes litter; the rest enters soil directly (Hartin et al. 2015: 0.98).
    public var vegetationTurnoverToLitter = 0.98
    /// Bulk soil carbon turnover time at preindustrial temperature (pool over input), yr; sets how much decomposed litter is humified
    /// (global soil turnover of decades to a century; Carvalhais et al. 2014, Nature 514, 213). 50 yr keeps the
    /// ZECMIP ZEC50 inside its model range: slower soils keep drawing CO2 down for centuries after net zero.
    public var soilTurnoverYears = 50.0
    /// Share of the preindustrial soil carbon in the slow (stabilised) soil, and its turnover time, yr: about half of soil
    /// carbon is centuries to millennia old (Trumbore 1997, PNAS 94, 8284; He et al. 2016, Science 353, 1419), so the
    /// soil's response to a change of input is mostly the fast soil's (decades) and the slow soil changes little.
    /// Off (0) by default: with 0.4–0.6 the ZEC50s rise by only 0.02–0.05 K while the GCB decadal land sinks and the
    /// cumulative ocean uptake 1850–2022 leave their ranges (issue 10 report); kept for sensitivity studies.
    public var slowSoilShare = 0.0
    public var slowSoilTurnoverYears = 500.0
    /// Shares of land-use-change emissions taken from vegetation and litter; the rest from soil
    /// (biomass dominates bookkeeping emissions; Houghton et al. 2012, Biogeosciences 9, 5125).
    public var landUseFromVegetation = 0.7
    public var landUseFromLitter = 0.05
    /// Permafrost: off by default (Woodard et al. 2021, GMD 14, 4751, Hector v3).
    public var permafrostEnabled = false
    /// Frozen permafrost carbon, PgC (Woodard et al. 2021: 865).
    public var permafrostCarbon = 865.0
    /// Permafrost-region warming per degree of land warming in the box model (Arctic amplification: the Arctic warms more
    /// than twice as fast as the globe, AR6 WG1 SPM A.1/§4.5.1; land warms ≈ 1.4× the globe). Zonal bands use their own land warming.
    public var permafrostWarmingRatio = 1.5
    /// Regional warming at which all near-surface permafrost has thawed, K (linear thaw profile; Kessler 2017, ESD 8, 393).
    /// With the lags below it puts the release by 2100 per K of global warming inside AR6's 18 [3.1–41] PgC K⁻¹
    /// (AR6 WG1 §5.4.9.1.1, Table 5.7; Canadell et al. 2021) for ssp126, ssp245 and ssp585.
    public var permafrostFullThawWarming = 12.0
    /// Time scale of thaw towards the equilibrium frozen share (and of refreezing), yr: active layers deepen over decades
    /// (Schneider von Deimling et al. 2012, BG 9, 649).
    public var permafrostThawYears = 50.0
    /// Turnover time of thawed permafrost carbon, yr (Schneider von Deimling et al. 2012, BG 9, 649: decades to centuries).
    public var permafrostDecompositionYears = 150.0
    /// Share of thawed carbon that can decompose; the rest stays inert (Woodard et al. 2021, GMD 14, 4751: static fraction 0.4 ± 0.2).
    public var permafrostMobileFraction = 0.6
    /// Share of decomposed permafrost carbon emitted as CH4 (Woodard et al. 2021: 0.023 ± 0.01).
    public var permafrostMethaneFraction = 0.023

    public init() {}
}
