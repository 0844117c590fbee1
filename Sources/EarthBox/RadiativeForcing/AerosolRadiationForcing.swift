/// Aerosol–radiation interaction ERF linear in precursor emissions relative to 1750 (AR6 WG1 eq. 7.SM.1.1, §7.SM.1.3.1).
///
/// AR6 ch. 7 set the 2005–2014 mean per-species contributions to BC +0.3, OC −0.09, SO2 −0.4, NH3 −0.11 W m⁻²
/// (sum −0.3, the assessed ERFari; Myhre et al. 2013 shapes scaled, AR6 7.SM corrigendum) and divided each by that
/// species' 2005–2014 − 1750 emission change (IPCC-WG1/Chapter-7 notebook 080, cell 17). The defaults below repeat
/// that calculation with the RCMIP v5.1.0 (ssp245 history) emissions, so EarthBox driven by RCMIP reproduces −0.3
/// exactly; `ar6Chapter7` holds AR6's own numbers (computed on CEDS v2020-09-11 + biomass burning), which give
/// −0.283 W m⁻² on RCMIP emissions. AR6 ERFari has no NOx or NMVOC term (nitrate is carried by NH3); the fields exist
/// for callers who want the IGCC-2024/ch. 6 split and default to 0.
public struct AerosolRadiationParameters: Sendable, Equatable {
    /// W m⁻² per (Mt SO2 yr⁻¹): −0.4 / (RCMIP SO2 2005–14 mean − 1750) (AR6 ch. 7 method).
    public var sulfurDioxideEfficiency = -0.003420809957598898
    /// W m⁻² per (Mt BC yr⁻¹): +0.3 / (RCMIP BC 2005–14 mean − 1750) (AR6 ch. 7 method).
    public var blackCarbonEfficiency = 0.041420357919525835
    /// W m⁻² per (Mt OC yr⁻¹): −0.09 / (RCMIP OC 2005–14 mean − 1750) (AR6 ch. 7 method).
    public var organicCarbonEfficiency = -0.004955447153776225
    /// W m⁻² per (Mt NH3 yr⁻¹): −0.11 / (RCMIP NH3 2005–14 mean − 1750) (AR6 ch. 7 method).
    public var ammoniaEfficiency = -0.0019962760917353285
    /// W m⁻² per (Mt NO2 yr⁻¹): 0, AR6 ch. 7 ERFari has no NOx term (notebook 080 `aerocom_n`).
    public var noxEfficiency = 0.0
    /// W m⁻² per (Mt NMVOC yr⁻¹): 0, AR6 ch. 7 ERFari has no NMVOC term (notebook 080 `aerocom_n`).
    public var nmvocEfficiency = 0.0

    /// Reference SO2 emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750; FaIR 2.x AR6 `baseline_emissions`).
    public var referenceSulfurDioxide = 2.440048435
    /// Reference BC emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750).
    public var referenceBlackCarbon = 2.097770755
    /// Reference OC emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750).
    public var referenceOrganicCarbon = 15.44766815
    /// Reference NH3 emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750).
    public var referenceAmmonia = 6.927690091
    /// Reference NOx emissions, Mt NO2 yr⁻¹ (RCMIP v5.1.0 1750).
    public var referenceNOx = 12.73521194
    /// Reference NMVOC emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750).
    public var referenceNMVOC = 60.02182622

    public init() {}

    /// AR6 ch. 7 efficiencies themselves (FaIR 2.x `aerosol.radiative_efficiency["AR6"]`), for comparison.
    public static var ar6Chapter7: AerosolRadiationParameters {
        var p = AerosolRadiationParameters()
        p.sulfurDioxideEfficiency = -0.0036167830509091486
        p.blackCarbonEfficiency = 0.0507748226795483
        p.organicCarbonEfficiency = -0.006214374446217472
        p.ammoniaEfficiency = -0.0020809236231100624
        return p
    }
}

/// ERFari, W m⁻², from annual emissions (SO2 as Mt SO2, BC/OC as Mt, NH3 as Mt NH3, NOx as Mt NO2, NMVOC as Mt).
/// `nox`/`nmvoc` nil means "no term" (the AR6 default, whose efficiencies for them are 0 anyway).
public enum AerosolRadiationForcing {
    @inlinable
    public static func erf(
        sulfurDioxide: Double, blackCarbon: Double, organicCarbon: Double, ammonia: Double,
        nox: Double? = nil, nmvoc: Double? = nil,
        parameters p: AerosolRadiationParameters = .init()
    ) -> Double {
        p.sulfurDioxideEfficiency * (sulfurDioxide - p.referenceSulfurDioxide)
            + p.blackCarbonEfficiency * (blackCarbon - p.referenceBlackCarbon)
            + p.organicCarbonEfficiency * (organicCarbon - p.referenceOrganicCarbon)
            + p.ammoniaEfficiency * (ammonia - p.referenceAmmonia)
            + (nox.map { p.noxEfficiency * ($0 - p.referenceNOx) } ?? 0)
            + (nmvoc.map { p.nmvocEfficiency * ($0 - p.referenceNMVOC) } ?? 0)
    }
}
