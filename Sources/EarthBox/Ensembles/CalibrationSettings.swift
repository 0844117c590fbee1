/// The `&calibration` group of a calibration namelist (`earthbox calibrate`, docs/calibration.md): which constraints,
/// their assessed targets where they are not read from `Observations/`, the history-matching threshold and the size
/// and files of the posterior. The prior ensemble itself is the namelist's `&run`, `&ensemble` and `&priors`.
public struct CalibrationSettings: Sendable, Equatable {
    /// Name of the parameter set (the file `Namelists/parameter-sets/<name>.nml` that reads it).
    public var name = "calibrated-v1"
    /// Members kept in the posterior (FaIR v1.4 keeps 841; Smith et al. 2024, GMD 17, 8569).
    public var posteriorMembers = 1000
    public var constraints = CalibrationConstraint.allCases.map(\.rawValue)
    /// History matching: RMSE of annual GMST 1850–2024 against IGCC, K (FaIR v1.4 uses 0.17 K; Smith et al. 2024 §3.1).
    public var gmstRMSEThreshold = 0.17
    /// Constraints (of `constraints`) applied by history matching instead of raking: a member passes when its value
    /// lies within `implausibility_threshold` standard deviations of the target's median (the implausibility of
    /// Vernon, Goldstein & Bower 2010, Bayesian Anal. 5, 619; Williamson et al. 2013, Clim. Dyn. 41, 1703). For an
    /// observation the model cannot meet together with the others without carving the posterior out of a few members.
    /// 'none' (a namelist cannot spell an empty list): every targeted constraint is raked.
    public var historyMatchedConstraints = ["none"]
    /// Largest implausibility |x − median| / σ a member may have; 3 is Pukelsheim's (1994, Am. Stat. 48, 88) three-sigma rule.
    public var implausibilityThreshold = 3.0
    /// GMST 2011–2020 vs 1850–1900, 5/50/95 %, K: AR6's 1.09 [0.95–1.20] (AR6 WG1 SPM A.1.2) with the range moved in by
    /// half of AR6's 0.01 K reporting step at each end. A target on the bounds of AR6's very likely range leaves the
    /// posterior's 5–95 % range on those bounds (0.941–1.205 K drawn from the raked 0.947–1.202 before the raking
    /// converged), so half of any posterior's draws would lie outside a range they are meant to sit in.
    public var gmst2011to2020Target = [0.955, 1.09, 1.195]
    /// AR6 assessed ECS 5/50/95 %, K (Forster et al. 2021, AR6 WG1 §7.5.5, Table 7.13).
    public var ecsTarget = [2.0, 3.0, 5.0]
    /// AR6 assessed TCR 5/50/95 %, K (AR6 WG1 §7.5.5, Table 7.14).
    public var tcrTarget = [1.2, 1.8, 2.4]
    /// Prior members run per batch (memory: rank 0 holds one batch's GSAT and aerosol ERF series).
    public var batchMembers = 10_000
    /// Seed of the weighted draw of the posterior from the constrained prior.
    public var resamplingSeed = 20_261_201
    public var posteriorFile = "Calibration/earthbox-calibrated-v1.csv"
    public var diagnosticsFile = "Calibration/earthbox-calibrated-v1-diagnostics.nc"

    public init() {}
}

extension CalibrationSettings: NamelistGroup {
    public static let groupName = "calibration"
    public static let fields: [NamelistField<CalibrationSettings>] = [
        .string("name", \.name, allowed: nil, "parameter-set name recorded in the posterior file"),
        .integer("posterior_members", \.posteriorMembers, range: 10...100_000, unit: "1", "members of the posterior parameter set"),
        .stringList("constraints", \.constraints, allowed: CalibrationConstraint.allCases.map(\.rawValue),
                    count: 1...CalibrationConstraint.allCases.count, "constraints applied (docs/calibration.md)"),
        .stringList("history_matched_constraints", \.historyMatchedConstraints, allowed: ["none"] + CalibrationConstraint.allCases.map(\.rawValue),
                    count: 1...CalibrationConstraint.allCases.count, "constraints applied by history matching (implausibility) instead of raking; 'none': all raked"),
        .real("implausibility_threshold", \.implausibilityThreshold, range: 0.5...10, unit: "1",
              "history matching of history_matched_constraints: largest |value - target median| / sigma", citation: "Vernon et al. 2010; Pukelsheim 1994"),
        .real("gmst_rmse_threshold", \.gmstRMSEThreshold, range: 0.01...2, unit: "K",
              "history matching: largest RMSE of annual GMST 1850-2024 against IGCC", citation: "Smith et al. 2024, GMD 17, 8569"),
        .realList("gmst_2011_2020_target", \.gmst2011to2020Target, elementRange: -1...5, count: 3...3, unit: "K",
                  "GMST 2011-2020 vs 1850-1900 5, 50, 95 % target", citation: "AR6 WG1 SPM A.1.2"),
        .realList("ecs_target", \.ecsTarget, elementRange: 0.1...20, count: 3...3, unit: "K", "ECS 5, 50, 95 % target",
                  citation: "AR6 WG1 Table 7.13"),
        .realList("tcr_target", \.tcrTarget, elementRange: 0.1...10, count: 3...3, unit: "K", "TCR 5, 50, 95 % target",
                  citation: "AR6 WG1 Table 7.14"),
        .integer("batch_members", \.batchMembers, range: 1...1_000_000, unit: "1", "prior members run per batch"),
        .integer("resampling_seed", \.resamplingSeed, range: 0...Int.max, unit: "1", "seed of the weighted posterior draw"),
        .string("posterior_file", \.posteriorFile, allowed: nil, "posterior parameter set (CSV)"),
        .string("diagnostics_file", \.diagnosticsFile, allowed: nil, "constraint diagnostics of every prior member (NetCDF)"),
    ]
}

/// One constraint of the calibration. `gmstRMSE` is history matching (a member passes or not); every other one is a
/// target distribution the constrained ensemble's marginal is fitted to (Smith et al. 2024, §3.2).
public enum CalibrationConstraint: String, CaseIterable, Sendable {
    case gmstRMSE = "gmst_rmse"
    case gmst2011to2020 = "gmst_2011_2020"
    case co2In2014 = "co2_2014"
    case oceanHeat1971to2018 = "ohc_1971_2018"
    case oceanSink = "ocean_sink_2013_2022"
    case landSink = "land_sink_2013_2022"
    case aerosolRadiation = "erf_ari_2005_2014"
    case aerosolCloud = "erf_aci_2005_2014"
    case ecs
    case tcr

    public var units: String {
        switch self {
        case .gmstRMSE, .gmst2011to2020, .ecs, .tcr: "K"
        case .co2In2014: "ppm"
        case .oceanHeat1971to2018: "ZJ"
        case .oceanSink, .landSink: "PgC yr-1"
        case .aerosolRadiation, .aerosolCloud: "W m-2"
        }
    }
}
