/// Coefficients of the Meinshausen et al. (2020, GMD 13, 3571, Table 3) simplified SARF expressions for CO2, CH4
/// and N2O with their band overlaps, as adopted by IPCC AR6 WG1 (Table 7.SM.1) and used in FaIR 1.6.2
/// (`fair.forcing.ghg.meinshausen`) and fair 2.x (`meinshausen2020`); plus the AR6 reference (1750)
/// concentrations and tropospheric adjustments (ERF/SARF − 1), which the forcing functions apply separately.
public struct GreenhouseGasForcingParameters: Sendable, Equatable {
    /// CO2 a₁, W m⁻² ppm⁻² (AR6 Table 7.SM.1).
    public var a1 = -2.4785e-7
    /// CO2 b₁, W m⁻² ppm⁻¹ (AR6 Table 7.SM.1).
    public var b1 = 7.5906e-4
    /// CO2–N2O overlap c₁, W m⁻² ppb^-1/2 (AR6 Table 7.SM.1).
    public var c1 = -2.1492e-3
    /// CO2 d₁, W m⁻² (AR6 Table 7.SM.1).
    public var d1 = 5.2488
    /// N2O–CO2 overlap a₂, W m⁻² ppm^-1/2 ppb^-1/2 (AR6 Table 7.SM.1).
    public var a2 = -3.4197e-4
    /// N2O self term b₂, W m⁻² ppb⁻¹ (AR6 Table 7.SM.1).
    public var b2 = 2.5455e-4
    /// N2O–CH4 overlap c₂, W m⁻² ppb⁻¹ (AR6 Table 7.SM.1).
    public var c2 = -2.4357e-4
    /// N2O d₂, W m⁻² ppb^-1/2 (AR6 Table 7.SM.1).
    public var d2 = 0.12173
    /// CH4 self term a₃, W m⁻² ppb⁻¹ (AR6 Table 7.SM.1).
    public var a3 = -8.9603e-5
    /// CH4–N2O overlap b₃, W m⁻² ppb⁻¹ (AR6 Table 7.SM.1).
    public var b3 = -1.2462e-4
    /// CH4 d₃, W m⁻² ppb^-1/2 (AR6 Table 7.SM.1).
    public var d3 = 0.045194

    /// Reference CO2, CH4 and N2O: the model's own preindustrial atmosphere, whose one home is `GasCycleParameters`
    /// (`&gases co2_preindustrial` …), so that a control run has zero forcing; `ForcingAgentParameters.referenced(to:)`
    /// sets them from the configured gases. (AR6 measures from 278.3 ppm, 729.2 ppb, 270.1 ppb; RCMIP 1750 is used here.)
    public var co2Reference = GasCycleParameters().preindustrialCO2PPM
    public var ch4Reference = GasCycleParameters().preindustrialMethanePPB
    public var n2oReference = GasCycleParameters().preindustrialNitrousOxidePPB

    /// CO2 tropospheric adjustment, ERF = SARF × (1 + 0.05) (AR6 WG1 §7.3.2.1; ch. 7 ERF code `1.05 * co2base`).
    public var co2TroposphericAdjustment = 0.05
    /// CH4 tropospheric adjustment, ERF = SARF × (1 − 0.14) (AR6 WG1 §7.3.2.2; ch. 7 ERF code `0.86 * ch4base`).
    public var ch4TroposphericAdjustment = -0.14
    /// N2O tropospheric adjustment, ERF = SARF × (1 + 0.07) (AR6 WG1 §7.3.2.3; ch. 7 ERF code `1.07 * n2obase`).
    public var n2oTroposphericAdjustment = 0.07

    public init() {}
}
