/// Aerosol–cloud interaction ERF, logarithmic in emissions (AR6 WG1 eq. 7.SM.1.2, §7.SM.1.3.1):
/// ERFaci = −β ln(1 + E_SO2/s_SO2 + (E_BC + E_OC)/s_BCOC) − [same at the reference emissions].
///
/// Form: Smith et al. 2021, "Energy budget constraints on the time history of aerosol forcing and climate
/// sensitivity", JGR Atmos. 126, e2020JD033622 (not ACP), fitted to CMIP6 APRP diagnostics (AR6 ch. 7 `ghan`).
/// The paper and AR6 give the shapes; β is a scaling fixed by the assessment. AR6 ch. 7 scaled the ensemble
/// median to the assessed 2005–2014 ERFaci of −1.0 W m⁻² on CEDS v2020-09-11 emissions, giving β = 2.09841432
/// (FaIR 2.x "AR6"); that β gives −0.961 W m⁻² on RCMIP v5.1.0 emissions. The default β here repeats the AR6
/// scaling on RCMIP (ssp245 history), 2005–2014 mean = −1.0 exactly: β = 1 / |ln-term(2005–14) − ln-term(1750)|.
public struct AerosolCloudParameters: Sendable, Equatable {
    /// β, W m⁻²: AR6 scaling to −1.0 W m⁻² (2005–2014 vs 1750) recomputed with RCMIP v5.1.0 emissions (AR6 value 2.09841432).
    public var scale = 2.1841932803291053
    /// s_SO2, Mt SO2 yr⁻¹ (AR6 §7.SM.1.3.1 median shape; FaIR 2.x "AR6" 260.34644166).
    public var sulfurDioxideShape = 260.34644166
    /// s_BCOC, Mt (BC+OC) yr⁻¹ (AR6 §7.SM.1.3.1 median shape; FaIR 2.x "AR6" 111.05064063).
    public var carbonaceousShape = 111.05064063

    /// Reference SO2 emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750).
    public var referenceSulfurDioxide = 2.440048435
    /// Reference BC emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750).
    public var referenceBlackCarbon = 2.097770755
    /// Reference OC emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750).
    public var referenceOrganicCarbon = 15.44766815

    public init() {}

    /// AR6 ch. 7 / FaIR 2.x "AR6" scaling β = 2.09841432 (calibrated on CEDS v2020-09-11 emissions), for comparison.
    public static var ar6Chapter7: AerosolCloudParameters {
        var p = AerosolCloudParameters()
        p.scale = 2.09841432
        return p
    }
}

public enum AerosolCloudForcing {
    /// ln(1 + E_SO2/s_SO2 + (E_BC + E_OC)/s_BCOC), the emission term of ERFaci.
    @inlinable @inline(__always)
    public static func logTerm(sulfurDioxide: Double, blackCarbon: Double, organicCarbon: Double, parameters p: AerosolCloudParameters) -> Double {
        _log(1 + sulfurDioxide / p.sulfurDioxideShape + (blackCarbon + organicCarbon) / p.carbonaceousShape)
    }

    /// The emission term at the reference emissions (constant for a run: computed once).
    @inlinable
    public static func referenceLogTerm(_ p: AerosolCloudParameters) -> Double {
        logTerm(sulfurDioxide: p.referenceSulfurDioxide, blackCarbon: p.referenceBlackCarbon, organicCarbon: p.referenceOrganicCarbon, parameters: p)
    }

    /// ERFaci, W m⁻², from annual SO2 (Mt SO2), BC and OC (Mt) emissions, relative to the reference emissions,
    /// times `scale` (the ensemble's multiplier); `referenceLogTerm` is `referenceLogTerm(p)`, passed in so a run
    /// takes one logarithm a year.
    @inlinable @inline(__always)
    public static func erf(sulfurDioxide: Double, blackCarbon: Double, organicCarbon: Double, parameters p: AerosolCloudParameters,
                           referenceLogTerm: Double, scale: Double = 1) -> Double {
        -scale * p.scale * (logTerm(sulfurDioxide: sulfurDioxide, blackCarbon: blackCarbon, organicCarbon: organicCarbon, parameters: p)
                            - referenceLogTerm)
    }

    /// ERFaci, W m⁻², from annual SO2 (Mt SO2), BC and OC (Mt) emissions, relative to the reference emissions.
    @inlinable
    public static func erf(
        sulfurDioxide: Double, blackCarbon: Double, organicCarbon: Double,
        parameters p: AerosolCloudParameters = .init()
    ) -> Double {
        erf(sulfurDioxide: sulfurDioxide, blackCarbon: blackCarbon, organicCarbon: organicCarbon, parameters: p,
            referenceLogTerm: referenceLogTerm(p))
    }
}
