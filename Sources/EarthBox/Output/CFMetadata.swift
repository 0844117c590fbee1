/// CF-1.8 metadata shared by the run, zonal and ensemble files: the time axis, unit strings udunits can parse,
/// standard names (CF standard name table v93), cell_methods and the reference state of every anomaly.
public enum CFMetadata {
    /// The Julian calendar's mean year is 365.25 days, the model's year (`PhysicalConstants.secondsPerYear`), so a
    /// flux times the width of its time cell is exactly the annual total the model used (CF-1.8 §4.4.1). A 365_day
    /// calendar would have made every per-second flux 0.07 % off its annual total, or changed the physics.
    public static let calendar = "julian"
    public static let timeUnits = "days since 1750-01-01 00:00:00"
    static let epochYear = 1750
    static let daysPerYear = PhysicalConstants.secondsPerYear / 86_400

    /// `time` (the middle of each model year), `time_bnds` (model years of exactly 365.25 days from 1750-01-01, so a
    /// bound drifts at most 18 h from 1 January) and the integer auxiliary coordinate `year`.
    public static func timeAxis(years: [Int]) -> [Variable] {
        let start = years.map { Double($0 - epochYear) * daysPerYear }
        return [
            Variable(name: "time", dimensions: ["time"], data: start.map { $0 + daysPerYear / 2 }, attributes: [
                ("standard_name", .text("time")), ("long_name", .text("time (middle of the model year)")),
                ("units", .text(timeUnits)), ("calendar", .text(calendar)), ("axis", .text("T")), ("bounds", .text("time_bnds"))]),
            Variable(name: "time_bnds", dimensions: ["time", "bnds"], data: start.flatMap { [$0, $0 + daysPerYear] }),
            Variable(name: "year", dimensions: ["time"], data: years.map(Double.init), attributes: [
                ("long_name", .text("calendar year of the model year")), ("units", .text("1"))], type: .int),
        ]
    }

    /// The scalar coordinate CMIP gives `tas`: 2 m above the surface.
    public static let heightCoordinate = Variable(name: "height", dimensions: [], data: [2], attributes: [
        ("standard_name", .text("height")), ("long_name", .text("height")), ("units", .text("m")),
        ("positive", .text("up")), ("axis", .text("Z"))])

    /// The scalar coordinate of the zonal fields: a band value is the mean over all longitudes, which CF says with
    /// `longitude: mean` (CF-1.8 §7.3.4, "zonal mean"). cfchecks accepts a cell_methods name that is a standard
    /// name, compliance-checker one that is a coordinate, so the scalar coordinate is named by its standard name.
    /// It has no bounds: compliance-checker wants two-dimensional bounds, which a scalar cannot have.
    public static let longitudeCoordinates = [
        Variable(name: "longitude", dimensions: [], data: [180], attributes: [
            ("standard_name", .text("longitude")), ("long_name", .text("longitude (the band values are means over all longitudes)")),
            ("units", .text("degrees_east")), ("axis", .text("X"))]),
    ]

    /// A unit as udunits-2 parses it, and the words the long name needs when the unit drops the substance
    /// (`PgC yr-1` → `Pg yr-1` "of carbon", as C4MIP's "expressed as carbon"; Jones et al. 2016, GMD 9, 2853).
    public static func units(_ unit: String) -> (units: String, substance: String?) {
        switch unit {
        case "PgC yr-1", "PgC/yr": ("Pg yr-1", "carbon")
        case "PgC": ("Pg", "carbon")
        case "K (1000 PgC)-1": ("K Eg-1", "per 1000 Pg of carbon")
        case "Gt CO2 yr-1": ("Gt yr-1", "CO2")
        case "Gt CO2": ("Gt", "CO2")
        case "Mt CO2/yr": ("Mt yr-1", "CO2")
        case "W/m^2": ("W m-2", nil)
        case "kt/yr": ("kt yr-1", nil)
        case "ppm": ("1e-6", nil)
        case "ppb": ("1e-9", nil)
        case "ppt": ("1e-12", nil)
        case "", "percent": (unit.isEmpty ? "1" : "percent", nil)
        default:
            if unit.hasPrefix("Tg "), unit.hasSuffix(" yr-1") {
                ("Tg yr-1", String(unit.dropFirst(3).dropLast(5)))
            } else {
                (unit, nil)
            }
        }
    }

    /// `units` and `long_name` attributes, the substance named in the long name when the unit no longer says it.
    public static func unitAttributes(_ unit: String, longName: String) -> [(String, AttributeValue)] {
        let (u, substance) = units(unit)
        var long = longName
        if let s = substance, !longName.lowercased().contains(s.lowercased()) {
            long += s.hasPrefix("per ") ? " (\(s))" : " (mass of \(s))"
        }
        return [("long_name", .text(long)), ("units", .text(u))]
    }

    /// What every anomaly in a run is relative to: the preindustrial equilibrium the run starts from.
    public static func anomalyReference(startYear: Int) -> [(String, AttributeValue)] {
        [("reference_period", .text("\(startYear)")),
         ("comment", .text("change relative to the model's preindustrial equilibrium, the initial state of the run "
            + "(\(startYear) conditions); subtract the 1850-1900 mean for warming relative to 1850-1900 as in IPCC AR6"))]
    }

    /// What the warming metrics are relative to (IPCC AR6 WG1 SPM: 1850-1900).
    public static let warmingReference: [(String, AttributeValue)] = [("reference_period", .text("1850-1900"))]

    /// CMIP's `tas`: the absolute global-mean near-surface air temperature, the model's preindustrial climate plus
    /// `tas_anomaly` (which carries the change itself; warming relative to 1850-1900 is tas minus its 1850-1900 mean).
    public static let absoluteTemperatureAttributes: [(String, AttributeValue)] = [
        ("standard_name", .text("air_temperature")), ("long_name", .text("global-mean near-surface air temperature")),
        ("units", .text("K")), ("cell_methods", .text("time: mean area: mean")), ("coordinates", .text("height year")),
        ("comment", .text("the model's preindustrial global-mean surface temperature (equilibrium of the energy balance) plus tas_anomaly"))]
}

extension Diagnostic {
    /// CF standard name, where one exists for the quantity as recorded. Global totals (Pg yr-1, Pg, J) have none:
    /// CF's carbon names are per unit area (kg m-2 s-1), given by the CMIP per-area variables beside them.
    var standardName: String? {
        switch self {
        case .surfaceTemperature, .landSurfaceTemperature: "air_temperature_anomaly"
        case .seaSurfaceTemperature: "sea_water_temperature_anomaly"
        case .imbalance: "toa_net_downward_radiative_flux"
        case .co2Concentration: "mole_fraction_of_carbon_dioxide_in_air"
        case .atmosphereCarbon: "atmosphere_mass_of_carbon_dioxide"
        case .methane: "mole_fraction_of_methane_in_air"
        case .nitrousOxide: "mole_fraction_of_nitrous_oxide_in_air"
        case .thermostericSeaLevel: "global_average_thermosteric_sea_level_change"
        case .surfaceOceanPCO2: "surface_partial_pressure_of_carbon_dioxide_in_sea_water"
        case .surfaceOceanPH: "sea_water_ph_reported_on_total_scale"
        default: nil
        }
    }

    /// Global means say `area: mean`, global totals `area: sum` (CF-1.8 §7.3, Appendix E); land and ocean means say where.
    var cellMethods: String {
        switch self {
        case .landSurfaceTemperature: "time: mean area: mean where land"
        case .seaSurfaceTemperature, .surfaceOceanPCO2, .surfaceOceanPH, .deepOceanHeatUptake: "time: mean area: mean where sea"
        case .iceEdgeNorth, .iceEdgeSouth: "time: mean"
        case .oceanHeatContent, .atmosphereCarbon, .oceanCarbonUptake, .netPrimaryProduction, .heterotrophicRespiration,
             .landUseEmissions, .permafrostEmissions, .netBiomeProduction, .fossilEmissions, .landUseEmissionsRequested,
             .methaneEmissions, .nitrousOxideEmissions, .sulfurEmissions, .vegetationCarbon, .litterCarbon, .soilCarbon,
             .permafrostFrozenCarbon, .permafrostThawedCarbon, .oceanCarbonAnomaly, .cumulativeFossilEmissions,
             .carbonLedgerResidual: "time: mean area: sum"
        default: "time: mean area: mean"
        }
    }

    /// Whether the value is a change since the run's initial (preindustrial) state.
    var isAnomaly: Bool {
        switch self {
        case .surfaceTemperature, .landSurfaceTemperature, .seaSurfaceTemperature, .oceanHeatContent,
             .thermostericSeaLevel, .oceanCarbonAnomaly: true
        default: false
        }
    }

    /// Every attribute of the variable in a file whose anomalies start in `startYear`.
    func attributes(startYear: Int) -> [(String, AttributeValue)] {
        var a: [(String, AttributeValue)] = []
        if let s = standardName { a.append(("standard_name", .text(s))) }
        a += CFMetadata.unitAttributes(units, longName: longName)
        a.append(("cell_methods", .text(cellMethods)))
        a.append(("coordinates", .text(self == .surfaceTemperature ? "height year" : "year")))
        if isAnomaly { a += CFMetadata.anomalyReference(startYear: startYear) }
        return a
    }

    /// The diagnostic recorded under `name` in a file or named in `&ensemble output_variables`; `tas`, its name in
    /// files before the anomaly was named as one, is still accepted.
    public static func named(_ name: String) -> Diagnostic? {
        name == "tas" ? .surfaceTemperature : allCases.first { $0.name == name }
    }
}

extension ZonalDiagnostic {
    var standardName: String? {
        switch self {
        case .surfaceTemperature, .landSurfaceTemperature: "air_temperature_anomaly"
        case .seaSurfaceTemperature: "sea_water_temperature_anomaly"
        case .surfaceTemperatureAbsolute: "surface_temperature"
        default: nil
        }
    }

    /// Band values are means (or totals) over the band's longitudes (the scalar `longitude` coordinate).
    var cellMethods: String {
        switch self {
        case .landSurfaceTemperature: "time: mean longitude: mean where land"
        case .seaSurfaceTemperature: "time: mean longitude: mean where sea"
        case .oceanCarbonUptake: "time: mean area: sum where sea"
        case .netBiomeProduction: "time: mean area: sum where land"
        default: "time: mean longitude: mean"
        }
    }

    var isAnomaly: Bool { self != .surfaceTemperatureAbsolute && self != .iceFraction }

    func attributes(startYear: Int) -> [(String, AttributeValue)] {
        var a: [(String, AttributeValue)] = []
        if let s = standardName { a.append(("standard_name", .text(s))) }
        a += CFMetadata.unitAttributes(units, longName: longName)
        a.append(("cell_methods", .text(cellMethods)))
        a.append(("coordinates", .text("longitude year")))
        if isAnomaly && self != .meridionalConvergence { a += CFMetadata.anomalyReference(startYear: startYear) }
        return a
    }
}
