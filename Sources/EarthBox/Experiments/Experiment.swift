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
    /// C4MIP (Jones et al. 2016, GMD 9, 2853): 1pctCO2 with the carbon cycle seeing rising CO2 but preindustrial
    /// climate (-bgc), or preindustrial CO2 while the climate warms (-rad).
    case onePercentCO2Bgc = "1pctCO2-bgc"
    case onePercentCO2Rad = "1pctCO2-rad"
    /// ZECMIP bell-shaped 1000 PgC (MacDougall et al. 2020, BG 17, 2987).
    case esmBell1000PgC = "esm-bell-1000PgC"
    /// CDRMIP (Keller et al. 2018, GMD 11, 1133): ±100 PgC pulses from preindustrial, and SSP5-8.5 with ocean alkalinity.
    case esmPiCO2Pulse = "esm-pi-CO2pulse"
    case esmPiCdrPulse = "esm-pi-cdr-pulse"
    case esmSsp585OcnAlk = "esm-ssp585-ocn-alk"
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
        case .piControl, .abrupt4xCO2, .abrupt2xCO2, .onePercentCO2, .onePercentCO2Bgc, .onePercentCO2Rad: return true
        default: return false
        }
    }

    /// How the carbon cycle and the radiation see CO2 (C4MIP, Jones et al. 2016, GMD 9, 2853).
    public var coupling: CarbonCycleCoupling {
        switch self {
        case .onePercentCO2Bgc: return .biogeochemical
        case .onePercentCO2Rad: return .radiative
        default: return .full
        }
    }

    /// Whether the run is historical + an SSP from the forcing file (`scenario` or a CDRMIP variant of one).
    public var isScenario: Bool { self == .scenario || self == .esmSsp585OcnAlk }

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
        case .onePercentCO2Bgc: return "C4MIP: 1pctCO2, the carbon cycle sees rising CO2 but preindustrial climate"
        case .onePercentCO2Rad: return "C4MIP: 1pctCO2, the climate warms while the carbon cycle sees preindustrial CO2"
        case .esmBell1000PgC: return "ZECMIP: 1000 PgC emitted in a bell shape over 100 years, then zero"
        case .esmPiCO2Pulse: return "CDRMIP: 100 PgC emitted at once from preindustrial"
        case .esmPiCdrPulse: return "CDRMIP: 100 PgC removed at once from preindustrial"
        case .esmSsp585OcnAlk: return "CDRMIP: emission-driven SSP5-8.5 with 0.14 Pmol/yr ocean alkalinity from 2020"
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
