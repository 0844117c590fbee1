/// What `&run experiment` runs: historical + an SSP, an idealised CMIP experiment by its CMIP name, or a teaching lab.
public enum Experiment: String, Sendable, CaseIterable {
    /// Historical + the chosen SSP from the forcing file (RCMIP; Nicholls et al. 2020, GMD 13, 5175).
    case scenario
    /// CMIP DECK control and idealised CO2 experiments (Eyring et al. 2016, GMD 9, 1937).
    case piControl
    case esmPiControl = "esm-piControl"
    case abrupt4xCO2 = "abrupt-4xCO2"
    case abrupt2xCO2 = "abrupt-2xCO2"
    case onePercentCO2 = "1pctCO2"
    /// flat10MIP (Sanderson et al. 2024, GMD 17, 8141).
    case esmFlat10 = "esm-flat10"
    case esmFlat10Zec = "esm-flat10-zec"
    case esmFlat10Cdr = "esm-flat10-cdr"
    /// DAMIP single-forcing experiments (Gillett et al. 2016, GMD 9, 3685): `SingleForcingExperiment`.
    case histGHG = "hist-GHG"
    case histCO2 = "hist-CO2"
    case histAer = "hist-aer"
    case histNat = "hist-nat"
    case ssp245GHG = "ssp245-GHG"
    case ssp245CO2 = "ssp245-CO2"
    case ssp245Aer = "ssp245-aer"
    case ssp245Nat = "ssp245-nat"
    /// Teaching labs (docs/teaching.md): each produces a table instead of one run.
    case snowballHysteresis = "snowball-hysteresis"
    case feedbackSwitches = "feedback-switches"
    case zeroEmissionCommitment = "zero-emission-commitment"
    case oceanDepth = "ocean-depth"

    /// Whether this is a teaching lab (a table, written as CSV) rather than one run (NetCDF).
    public var isTeachingLab: Bool {
        switch self {
        case .snowballHysteresis, .feedbackSwitches, .zeroEmissionCommitment, .oceanDepth: return true
        default: return false
        }
    }

    /// The agents a single-forcing experiment keeps, nil for every other experiment.
    public var singleForcing: ForcingSelection? {
        switch self {
        case .histGHG, .ssp245GHG: return .wellMixedGreenhouseGases
        case .histCO2, .ssp245CO2: return .co2
        case .histAer, .ssp245Aer: return .aerosols
        case .histNat, .ssp245Nat: return .natural
        default: return nil
        }
    }

    /// Whether the protocol prescribes CO2 concentrations (whatever `&run co2_mode` says).
    public var isConcentrationDriven: Bool {
        switch self {
        case .piControl, .abrupt4xCO2, .abrupt2xCO2, .onePercentCO2: return true
        default: return false
        }
    }

    /// One line for `earthbox list`.
    public var summary: String {
        switch self {
        case .scenario: return "historical + the &run scenario (SSP), emission- or concentration-driven"
        case .piControl: return "preindustrial control, CO2 concentration held at its preindustrial value"
        case .esmPiControl: return "preindustrial control, emission-driven (no CO2 emissions)"
        case .abrupt4xCO2: return "CO2 quadrupled abruptly and held (ECS by Gregory regression)"
        case .abrupt2xCO2: return "CO2 doubled abruptly and held (equilibrium ECS)"
        case .onePercentCO2: return "CO2 rising 1 % per year (TCR, TCRE)"
        case .esmFlat10: return "flat10MIP: 10 PgC/yr of CO2 emissions"
        case .esmFlat10Zec: return "flat10MIP: 10 PgC/yr for 100 years, then zero (zero-emission commitment)"
        case .esmFlat10Cdr: return "flat10MIP: 10 PgC/yr for 100 years, then removal until cumulative emissions are zero"
        case .histGHG, .ssp245GHG: return "DAMIP: historical + SSP2-4.5 with well-mixed greenhouse gases only (concentration-driven)"
        case .histCO2, .ssp245CO2: return "DAMIP: historical + SSP2-4.5 with CO2 only (concentration-driven)"
        case .histAer, .ssp245Aer: return "DAMIP: historical + SSP2-4.5 with aerosols only (concentration-driven)"
        case .histNat, .ssp245Nat: return "DAMIP: historical + SSP2-4.5 with solar and volcanic forcing only"
        case .snowballHysteresis: return "teaching lab: snowball-Earth hysteresis of the zonal energy balance"
        case .feedbackSwitches: return "teaching lab: what each process adds to the warming for doubled CO2"
        case .zeroEmissionCommitment: return "teaching lab: warming after CO2 emissions stop"
        case .oceanDepth: return "teaching lab: ocean depth and mixing in the transient response"
        }
    }
}
