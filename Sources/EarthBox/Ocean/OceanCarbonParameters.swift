/// Parameters of the ocean carbon cycle.
public struct OceanCarbonParameters: Sendable, Equatable {
    /// Surface total alkalinity, µmol kg⁻¹ (GLODAPv2 global surface mean ≈ 2300; Lauvset et al. 2016, ESSD 8, 325).
    public var surfaceAlkalinity = 2300.0
    /// Preindustrial mixed-layer temperature, °C (global-mean SST ≈ 18 °C; Rayner et al. 2003 HadISST, JGR 108, 4407).
    public var preindustrialSeaSurfaceTemperature = 18.0
    /// Surface salinity, g kg⁻¹ (global surface mean ≈ 34.7; Antonov et al. 2010, WOA09).
    public var surfaceSalinity = 34.7
    /// Gas transfer velocity normalised to Sc = 660, cm h⁻¹ (global mean 16.5 ± 3.2: Naegler 2009, Tellus 61B, 372; Wanninkhof 2014, L&O Methods 12, 351).
    public var gasTransferVelocity = 16.5
    /// Vertical eddy diffusivity of DIC, cm² s⁻¹. Box-diffusion models calibrated to natural and bomb ¹⁴C use ≈ 1.26
    /// (Oeschger et al. 1975, Tellus 27, 168; Siegenthaler & Joos 1992, Tellus 44B, 186); with the 14 Sv overturning of
    /// `OceanParameters.upwellingVelocity`, 1.35 puts the cumulative ocean uptake 1850–2022 inside GCB 2023's 179 ± 20 PgC and
    /// the C4MIP ocean β inside 0.79 ± 0.07 PgC ppm⁻¹ (Arora et al. 2020). 0 = the heat diffusivity.
    public var verticalDiffusivity = 1.35
    /// Multiplier of the DIC diffusivity in the Southern Ocean belt (zonal runs; the heat's is `OceanParameters`'s):
    /// mode and intermediate waters subducted north of the Antarctic Circumpolar Current make the ocean south of 35°S
    /// take up about 40 % of the anthropogenic carbon (Gruber et al. 2019, Science 363, 1193; DeVries 2014, GBC 28, 631);
    /// 16 puts the largest regional uptake south of 35°S with 36 bands (issue 10).
    public var southernOceanMixingFactor = 16.0

    public init() {}
}
